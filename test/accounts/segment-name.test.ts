import { describe, expect, it } from 'vitest';
import { findSegment, segmentLabel } from '../../src/accounts/segment-name.ts';

describe('findSegment', () => {
  it.each([
    ['at_risk', 'at_risk'],
    ['at-risk', 'at_risk'],
    ['At-Risk', 'at_risk'],
    ["can't-lose-them", 'cant_lose_them'],
    ['cant_lose_them', 'cant_lose_them'],
    ['Champions', 'champions'],
    ['risky', null],
    ['churned', null],
  ])('reads %s as %s', (word, segment) => {
    expect(findSegment(word)).toBe(segment);
  });
});

describe('segmentLabel', () => {
  it('reads a known segment by its label, an unknown one as stored, none as not scored', () => {
    expect(segmentLabel('at_risk')).toBe('At risk');
    expect(segmentLabel('vip')).toBe('vip');
    expect(segmentLabel(null)).toBe('not scored');
  });
});
