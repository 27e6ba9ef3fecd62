import { describe, expect, it } from 'vitest';
import { typoDistance, typosAllowed, typosBetween } from '../../src/accounts/typo-distance.ts';

describe('typoDistance', () => {
  it.each([
    ['acme', 'acme', 0],
    ['acme', 'acne', 1],
    ['acem', 'acme', 1],
    ['acm', 'acme', 1],
    ['acmee', 'acme', 1],
    ['', 'acme', 4],
    ['globex', 'glbexo', 2],
    ['initech', 'intiech', 1],
  ])('counts %s → %s as %i edits, a swap of neighbours as one', (a, b, edits) => {
    expect(typoDistance(a, b)).toBe(edits);
    expect(typoDistance(b, a)).toBe(edits);
  });
});

describe('typosAllowed', () => {
  it.each([
    [3, 0],
    [4, 1],
    [6, 1],
    [7, 2],
    [11, 2],
    [12, 3],
    [40, 3],
  ])('allows a reference of %i characters %i typos', (length, typos) => {
    expect(typosAllowed(length)).toBe(typos);
  });
});

describe('typosBetween', () => {
  it('compares with each run of as many words of the name, case aside', () => {
    expect(typosBetween('acem', 'Acme Corporation')).toBe(1);
    expect(typosBetween('acme corporaton', 'The Acme Corporation')).toBe(1);
  });

  it('skips candidates whose length alone is past the limit', () => {
    expect(typosBetween('acme', 'Corporation', 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
