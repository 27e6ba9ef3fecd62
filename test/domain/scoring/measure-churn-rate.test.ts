import { describe, expect, it } from 'vitest';
import { averageRevenuePerAccount } from '../../../src/domain/scoring/average-revenue-per-account.ts';
import { measureChurnRate } from '../../../src/domain/scoring/measure-churn-rate.ts';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const JANUARY = { from: at('2025-01-01'), to: at('2025-02-01') };

describe('measureChurnRate', () => {
  it('divides at-risk accounts churned in [from, to) by accounts at risk at from', () => {
    const accounts = [
      { startedAt: at('2024-03-01'), churnedAt: null }, // at risk, stays
      { startedAt: at('2024-03-01'), churnedAt: at('2025-01-15') }, // at risk, churns
      { startedAt: null, churnedAt: at('2025-01-01') }, // no start date counts as earlier; churns on from: inclusive
      { startedAt: null, churnedAt: at('2025-02-01') }, // at risk; churns on to: exclusive, next period
      { startedAt: at('2025-01-10'), churnedAt: at('2025-01-20') }, // started inside: not at risk
      { startedAt: at('2024-03-01'), churnedAt: at('2024-12-31') }, // gone before the period
    ];
    // 2 churned ÷ 4 at risk = 0.5 over exactly one month
    expect(measureChurnRate(accounts, JANUARY)).toEqual({
      monthlyChurnRate: 0.5,
      churned: 2,
      atRisk: 4,
      periodMonths: 1,
    });
  });

  it('converts a quarter by compounding: 1 − (1 − 0.3)^(1/3)', () => {
    const stayed = Array.from({ length: 7 }, () => ({ startedAt: null, churnedAt: null }));
    const left = Array.from({ length: 3 }, () => ({ startedAt: null, churnedAt: at('2025-02-10') }));
    const measure = measureChurnRate([...stayed, ...left], { from: at('2025-01-01'), to: at('2025-04-01') });
    // 3 ÷ 10 = 0.3 per quarter; 1 − 0.7^(1/3) = 0.112096 per month
    expect(measure.periodMonths).toBe(3);
    expect(measure.monthlyChurnRate).toBeCloseTo(0.112096, 6);
  });

  it('returns no rate when no account was at risk', () => {
    const accounts = [{ startedAt: at('2025-01-05'), churnedAt: null }];
    expect(measureChurnRate(accounts, JANUARY)).toEqual({
      monthlyChurnRate: null,
      churned: 0,
      atRisk: 0,
      periodMonths: 1,
    });
  });

  it('refuses a period that does not end after it starts', () => {
    expect(() => measureChurnRate([], { from: JANUARY.from, to: JANUARY.from })).toThrow('the period must end after');
  });
});

describe('averageRevenuePerAccount', () => {
  it('averages MRR over active and past-due accounts that pay, rounding half away from zero', () => {
    const accounts = [
      { mrrMinor: 10_000, status: 'active' as const },
      { mrrMinor: 5_001, status: 'past_due' as const },
      { mrrMinor: 50_000, status: 'churned' as const }, // keeps its last MRR: not paying now
      { mrrMinor: 9_000, status: 'trialing' as const },
      { mrrMinor: 0, status: 'active' as const }, // free plan
    ];
    // (10,000 + 5,001) ÷ 2 = 7,500.5 → 7,501
    expect(averageRevenuePerAccount(accounts)).toBe(7_501);
  });

  it('returns null when no account pays', () => {
    expect(averageRevenuePerAccount([{ mrrMinor: 0, status: 'active' }])).toBeNull();
    expect(averageRevenuePerAccount([])).toBeNull();
  });
});
