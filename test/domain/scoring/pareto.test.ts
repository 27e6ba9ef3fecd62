import { describe, expect, it } from 'vitest';
import { rankByLostValue } from '../../../src/domain/scoring/pareto.ts';

const accounts = (values: Record<string, number>) =>
  Object.entries(values).map(([id, lostValueMinor]) => ({ id, lostValueMinor }));

const flagged = (ranks: { id: string; priority: boolean }[]) =>
  ranks.filter((rank) => rank.priority).map((rank) => rank.id);

describe('rankByLostValue', () => {
  it('ranks by lost value, most first, with the running share', () => {
    // total 100: a 50 → 0.5, b 30 → 0.8, c 15 → 0.95, d 5 → 1
    expect(rankByLostValue(accounts({ c: 15, a: 50, d: 5, b: 30 }))).toEqual([
      { id: 'a', lostValueMinor: 50, rank: 1, cumulativeShare: 0.5, priority: true },
      { id: 'b', lostValueMinor: 30, rank: 2, cumulativeShare: 0.8, priority: true },
      { id: 'c', lostValueMinor: 15, rank: 3, cumulativeShare: 0.95, priority: false },
      { id: 'd', lostValueMinor: 5, rank: 4, cumulativeShare: 1, priority: false },
    ]);
  });

  it.each<{ rule: string; values: Record<string, number>; share?: number; priority: string[] }>([
    // a + b = 80 of 100: exactly 0.8 reaches the share
    {
      rule: 'stops at a prefix carrying exactly the share (inclusive)',
      values: { a: 50, b: 30, c: 15, d: 5 },
      priority: ['a', 'b'],
    },
    // a + b = 79 of 100 falls short by one, so c joins
    {
      rule: 'takes one more account when the prefix falls just short',
      values: { a: 50, b: 29, c: 16, d: 5 },
      priority: ['a', 'b', 'c'],
    },
    { rule: 'one account with lost value is the whole prefix', values: { a: 10 }, priority: ['a'] },
    { rule: 'one account with no lost value is not flagged', values: { a: 0 }, priority: [] },
    { rule: 'a total of 0 flags nothing', values: { a: 0, b: 0, c: 0 }, priority: [] },
    // share 1: b and a carry everything; c adds nothing
    {
      rule: 'share 1 flags every account up to the last with value',
      values: { c: 0, a: 5, b: 5 },
      share: 1,
      priority: ['a', 'b'],
    },
    // 7 ÷ 10 is 0.7 exactly, while 0.7 × 10 would be 7.000000000000001
    { rule: 'compares shares without floating-point drift', values: { a: 7, b: 3 }, share: 0.7, priority: ['a'] },
    { rule: 'a small share takes the top account alone', values: { a: 50, b: 30, c: 20 }, share: 0.1, priority: ['a'] },
  ])('$rule', ({ values, share, priority }) => {
    expect(flagged(rankByLostValue(accounts(values), { share }))).toEqual(priority);
  });

  it('returns nothing for no accounts', () => {
    expect(rankByLostValue([])).toEqual([]);
  });

  it('breaks ties by id, so equal values straddling the cut split the same way every run', () => {
    // a + b carry 20 of 40 = 0.5; c and d hold the same value as b but fall after the cut, by id
    const ranks = rankByLostValue(accounts({ b: 10, d: 10, a: 10, c: 10 }), { share: 0.5 });
    expect(ranks.map((rank) => rank.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(flagged(ranks)).toEqual(['a', 'b']);
  });

  it('orders ids by code unit, not locale: "B" before "a"', () => {
    expect(rankByLostValue(accounts({ a: 1, B: 1 })).map((rank) => rank.id)).toEqual(['B', 'a']);
  });

  it.each([0, -0.1, 1.01, Number.NaN])('refuses share %s', (share) => {
    expect(() => rankByLostValue(accounts({ a: 1 }), { share })).toThrow('share must be above 0 and at most 1');
  });

  it('refuses a negative lost value, naming the account', () => {
    expect(() => rankByLostValue(accounts({ a: 1, b: -5 }))).toThrow(
      'lost value must be 0 or more, got -5 for account b',
    );
  });
});
