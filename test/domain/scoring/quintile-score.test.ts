import { describe, expect, it } from 'vitest';
import { type Better, scoreByQuintile } from '../../../src/domain/scoring/quintile-score.ts';

describe('scoreByQuintile', () => {
  it.each<{ rule: string; values: (number | null)[]; better?: Better; scores: number[] }>([
    { rule: 'five distinct values score 1 to 5', values: [10, 20, 30, 40, 50], scores: [1, 2, 3, 4, 5] },
    {
      rule: 'ten distinct values fill each quintile with two',
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      scores: [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
    },
    { rule: 'keeps input order', values: [50, 10, 40, 20, 30], scores: [5, 1, 4, 2, 3] },
    {
      rule: 'lower is better reverses the scale (recency)',
      values: [0, 10, 20, 30, 40],
      better: 'lower',
      scores: [5, 4, 3, 2, 1],
    },
    // 1: (0 worse + 8/2) ÷ 10 = 0.4 → 3; 2: (8 + 0.5) ÷ 10 = 0.85 → 5; 3: (9 + 0.5) ÷ 10 = 0.95 → 5
    {
      rule: 'a tie takes the quintile of its mid-percentile, the same for every member',
      values: [1, 1, 1, 1, 1, 1, 1, 1, 2, 3],
      scores: [3, 3, 3, 3, 3, 3, 3, 3, 5, 5],
    },
    // 5: (1 worse + 2/2) ÷ 10 = 0.2 exactly → 2; 9: (3 + 7/2) ÷ 10 = 0.65 → 4
    {
      rule: 'a mid-percentile of exactly 0.2 scores 2 (quintiles include their lower edge)',
      values: [0, 5, 5, 9, 9, 9, 9, 9, 9, 9],
      scores: [1, 2, 2, 4, 4, 4, 4, 4, 4, 4],
    },
    { rule: 'no accounts, no scores', values: [], scores: [] },
    { rule: 'one account scores 3', values: [42], scores: [3] },
    // (0 + 0.5) ÷ 2 = 0.25 → 2; (1 + 0.5) ÷ 2 = 0.75 → 4
    { rule: 'two accounts score 2 and 4', values: [1, 2], scores: [2, 4] },
    { rule: 'three accounts score 1, 3 and 5', values: [1, 2, 3], scores: [1, 3, 5] },
    { rule: 'four accounts score 1, 2, 4 and 5', values: [1, 2, 3, 4], scores: [1, 2, 4, 5] },
    { rule: 'all equal scores 3', values: [7, 7, 7, 7, 7, 7], scores: [3, 3, 3, 3, 3, 3] },
    { rule: 'all equal scores 3 for lower-is-better too', values: [0, 0, 0], better: 'lower', scores: [3, 3, 3] },
    // known values [10, 20] score 2 and 4 among themselves; null and NaN score 1
    {
      rule: 'a missing value scores 1 and is left out of the ranking',
      values: [null, 10, 20, Number.NaN],
      scores: [1, 2, 4, 1],
    },
    { rule: 'a missing recency scores 1 as well', values: [null, 3], better: 'lower', scores: [1, 3] },
    { rule: 'all missing scores 1', values: [null, null], scores: [1, 1] },
  ])('$rule', ({ values, better, scores }) => {
    expect(scoreByQuintile(values, better ?? 'higher')).toEqual(scores);
  });

  it('gives equal values one score, whatever the input order', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
    const forward = scoreByQuintile(values, 'higher');
    const backward = scoreByQuintile([...values].reverse(), 'higher').reverse();

    expect(backward).toEqual(forward);
    const scoresOfValue = new Map<number, Set<number>>();
    values.forEach((value, index) => {
      scoresOfValue.set(value, (scoresOfValue.get(value) ?? new Set()).add(forward[index] as number));
    });
    expect([...scoresOfValue.values()].every((scores) => scores.size === 1)).toBe(true);
  });
});
