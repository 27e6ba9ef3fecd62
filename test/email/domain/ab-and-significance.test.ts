import { describe, expect, it } from 'vitest';
import { assignVariant } from '../../../src/domain/email/assign-variant.ts';
import { normalCdf, twoProportionTest } from '../../../src/domain/email/two-proportion-test.ts';

describe('assignVariant', () => {
  it('gives an account the same variant every time', () => {
    const id = '6f1c1a52-8e7b-4d5e-9a51-3d3b7a1c2e10';
    const first = assignVariant('winback_price', id, ['A', 'B']);
    for (let i = 0; i < 20; i++) expect(assignVariant('winback_price', id, ['A', 'B'])).toBe(first);
  });

  it('is the first four bytes of SHA-256(template:account) modulo the variant count', () => {
    // `printf winback_price:acct-1 | sha256sum` starts 1cd125f3 (483468787: odd, and 1 mod 3);
    // acct-3 starts f81c2962 (even, 1 mod 3), acct-4 4f3b056a (even, 0 mod 3): checked with sha256sum.
    const cases: [string, string, string[], string][] = [
      ['winback_price', 'acct-1', ['A', 'B'], 'B'],
      ['winback_price', 'acct-3', ['A', 'B'], 'A'],
      ['winback_price', 'acct-1', ['A', 'B', 'C'], 'B'],
      ['winback_price', 'acct-3', ['A', 'B', 'C'], 'B'],
      ['winback_price', 'acct-4', ['A', 'B', 'C'], 'A'],
    ];
    for (const [template, account, variants, expected] of cases) {
      expect(assignVariant(template, account, variants)).toBe(expected);
    }
  });

  it('splits many accounts roughly evenly', () => {
    const counts = { A: 0, B: 0 };
    for (let i = 0; i < 2000; i++) counts[assignVariant('t', `account-${i}`, ['A', 'B']) as 'A' | 'B'] += 1;
    expect(counts.A).toBeGreaterThan(900);
    expect(counts.B).toBeGreaterThan(900);
  });

  it('depends on the template too, so two tests do not share their groups', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `account-${i}`);
    const same = ids.filter((id) => assignVariant('t1', id, ['A', 'B']) === assignVariant('t2', id, ['A', 'B']));
    expect(same.length).toBeLessThan(150);
  });
});

describe('twoProportionTest', () => {
  it.each([
    // successesA, trialsA, successesB, trialsB, z, p: worked by hand (pooled 0.275, SE 0.063147).
    [20, 100, 35, 100, 2.3754, 0.0175],
    // pooled 0.105, SE 0.019388: not significant.
    [45, 500, 60, 500, 1.5473, 0.1218],
    [35, 100, 20, 100, -2.3754, 0.0175],
  ])('%i/%i against %i/%i gives z %f and p %f', (a, n, b, m, z, p) => {
    const test = twoProportionTest(a, n, b, m);
    expect(test.z).toBeCloseTo(z, 3);
    expect(test.pValue).toBeCloseTo(p, 4);
  });

  it.each([
    ['no trials in a group', 0, 0, 5, 10],
    ['nobody succeeding anywhere', 0, 10, 0, 10],
    ['everybody succeeding', 10, 10, 10, 10],
  ])('has no evidence with %s: z 0, p 1', (_case, a, n, b, m) => {
    expect(twoProportionTest(a, n, b, m)).toMatchObject({ z: 0, pValue: 1 });
  });

  it('normal CDF matches table values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1.6449)).toBeCloseTo(0.05, 4);
  });
});
