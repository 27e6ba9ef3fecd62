import { describe, expect, it } from 'vitest';
import { countDaysSince, scoreRfm } from '../../../src/domain/scoring/rfm.ts';

describe('scoreRfm', () => {
  it('scores each axis by quintile over the population and names the segment', () => {
    const population = [
      { id: 'a', recencyDays: 1, frequency: 40, monetary: 900_000 },
      { id: 'b', recencyDays: 5, frequency: 30, monetary: 400_000 },
      { id: 'c', recencyDays: 20, frequency: 20, monetary: 300_000 },
      { id: 'd', recencyDays: 90, frequency: 10, monetary: 200_000 },
      { id: 'e', recencyDays: 400, frequency: 2, monetary: 10_000 },
    ];
    // five distinct values per axis score 1–5; fewer days is better for recency
    expect(scoreRfm(population)).toEqual([
      { id: 'a', recency: 5, frequency: 5, monetary: 5, segment: 'champions' },
      { id: 'b', recency: 4, frequency: 4, monetary: 4, segment: 'loyal_customers' },
      { id: 'c', recency: 3, frequency: 3, monetary: 3, segment: 'need_attention' },
      { id: 'd', recency: 2, frequency: 2, monetary: 2, segment: 'hibernating' },
      { id: 'e', recency: 1, frequency: 1, monetary: 1, segment: 'lost' },
    ]);
  });

  it('scores a missing value 1 on its axis only', () => {
    const population = [
      { id: 'paid', recencyDays: 3, frequency: 12, monetary: 50_000 },
      { id: 'never-paid', recencyDays: null, frequency: null, monetary: null },
      { id: 'old-import', recencyDays: null, frequency: 12, monetary: 50_000 },
    ];
    // the known recency stands alone: 3; the equal F and M pair ties: 3; each null: 1
    expect(scoreRfm(population)).toEqual([
      { id: 'paid', recency: 3, frequency: 3, monetary: 3, segment: 'need_attention' },
      { id: 'never-paid', recency: 1, frequency: 1, monetary: 1, segment: 'lost' },
      { id: 'old-import', recency: 1, frequency: 3, monetary: 3, segment: 'at_risk' },
    ]);
  });
});

describe('countDaysSince', () => {
  const asOf = new Date('2025-03-10T12:00:00Z');

  it.each<{ rule: string; lastActiveAt: Date | null; days: number | null }>([
    { rule: 'counts whole days, rounding down', lastActiveAt: new Date('2025-03-09T00:00:00Z'), days: 1 },
    { rule: 'is 0 within the same 24 hours', lastActiveAt: new Date('2025-03-10T00:00:01Z'), days: 0 },
    { rule: 'is 0 for a date after asOf (clock skew)', lastActiveAt: new Date('2025-03-11T00:00:00Z'), days: 0 },
    { rule: 'is null without a date', lastActiveAt: null, days: null },
  ])('$rule', ({ lastActiveAt, days }) => {
    expect(countDaysSince(lastActiveAt, asOf)).toBe(days);
  });
});
