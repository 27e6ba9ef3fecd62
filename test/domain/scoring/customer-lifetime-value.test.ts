import { describe, expect, it } from 'vitest';
import {
  type ClvAccount,
  type ClvAssumptions,
  computeCustomerLifetimeValue,
  computeLostValue,
} from '../../../src/domain/scoring/customer-lifetime-value.ts';

const ACTIVE: ClvAccount = { totalPaidMinor: 120_000, mrrMinor: 10_000, tenureMonths: 12, lostMrrMinor: null };
const TYPICAL: ClvAssumptions = { arpaMinor: 5_000, grossMargin: 0.8, monthlyChurnRate: 0.05 };

describe('computeCustomerLifetimeValue', () => {
  it('adds revenue so far (total paid) to ARPA × margin ÷ churn rate', () => {
    // future = 5,000 × 0.8 ÷ 0.05 = 80,000; CLV = 120,000 paid + 80,000 = 200,000
    expect(computeCustomerLifetimeValue(ACTIVE, TYPICAL)).toEqual({
      clvMinor: 200_000,
      lostValueMinor: null,
      inputs: {
        revenueSoFarMinor: 120_000,
        revenueSource: 'total_paid',
        arpaMinor: 5_000,
        grossMargin: 0.8,
        monthlyChurnRate: 0.05,
        churnRateFloored: false,
        futureValueMinor: 80_000,
      },
    });
  });

  it.each<{ rule: string; account: Partial<ClvAccount>; revenueSoFarMinor: number; revenueSource: string }>([
    // 4,999 × 7 = 34,993
    {
      rule: 'uses MRR × tenure when total paid is unknown',
      account: { totalPaidMinor: null, mrrMinor: 4_999, tenureMonths: 7 },
      revenueSoFarMinor: 34_993,
      revenueSource: 'mrr_times_tenure',
    },
    {
      rule: 'prefers a known total paid of 0 over MRR × tenure',
      account: { totalPaidMinor: 0, mrrMinor: 4_999, tenureMonths: 7 },
      revenueSoFarMinor: 0,
      revenueSource: 'total_paid',
    },
    {
      rule: 'counts 0 and says unknown when neither total paid nor tenure is known',
      account: { totalPaidMinor: null, tenureMonths: null },
      revenueSoFarMinor: 0,
      revenueSource: 'unknown',
    },
  ])('$rule', ({ account, revenueSoFarMinor, revenueSource }) => {
    const { inputs } = computeCustomerLifetimeValue({ ...ACTIVE, ...account }, TYPICAL);
    expect({ revenueSoFarMinor: inputs.revenueSoFarMinor, revenueSource: inputs.revenueSource }).toEqual({
      revenueSoFarMinor,
      revenueSource,
    });
  });

  it.each<{ rule: string; assumptions: ClvAssumptions; futureValueMinor: number; rate: number; floored: boolean }>([
    // 3,333 × 0.75 ÷ 0.04 = 62,493.75 → 62,494
    {
      rule: 'rounds the future value half away from zero, up from .75',
      assumptions: { arpaMinor: 3_333, grossMargin: 0.75, monthlyChurnRate: 0.04 },
      futureValueMinor: 62_494,
      rate: 0.04,
      floored: false,
    },
    // 1,001 × 0.5 ÷ 1 = 500.5 → 501
    {
      rule: 'rounds an exact half up',
      assumptions: { arpaMinor: 1_001, grossMargin: 0.5, monthlyChurnRate: 1 },
      futureValueMinor: 501,
      rate: 1,
      floored: false,
    },
    // churn 0 → 1/60: 5,000 × 0.8 × 60 = 240,000
    {
      rule: 'caps the horizon at 60 months when the churn rate is 0',
      assumptions: { ...TYPICAL, monthlyChurnRate: 0 },
      futureValueMinor: 240_000,
      rate: 1 / 60,
      floored: true,
    },
    {
      rule: 'keeps a churn rate of exactly 1/60 (the floor is inclusive)',
      assumptions: { ...TYPICAL, monthlyChurnRate: 1 / 60 },
      futureValueMinor: 240_000,
      rate: 1 / 60,
      floored: false,
    },
    // 0.01 < 1/24 → 1/24: 5,000 × 0.8 × 24 = 96,000
    {
      rule: 'caps at maxLifetimeMonths when given',
      assumptions: { ...TYPICAL, monthlyChurnRate: 0.01, maxLifetimeMonths: 24 },
      futureValueMinor: 96_000,
      rate: 1 / 24,
      floored: true,
    },
  ])('$rule', ({ assumptions, futureValueMinor, rate, floored }) => {
    const { clvMinor, inputs } = computeCustomerLifetimeValue(ACTIVE, assumptions);
    expect(inputs.futureValueMinor).toBe(futureValueMinor);
    expect(inputs.monthlyChurnRate).toBe(rate);
    expect(inputs.churnRateFloored).toBe(floored);
    expect(clvMinor).toBe(120_000 + futureValueMinor);
  });

  it("shows a churned account's lost value: lost MRR × margin ÷ churn rate", () => {
    // 10,000 × 0.8 ÷ 0.05 = 160,000
    const churned = { ...ACTIVE, lostMrrMinor: 10_000 };
    expect(computeCustomerLifetimeValue(churned, TYPICAL).lostValueMinor).toBe(160_000);
    expect(computeLostValue(10_000, TYPICAL)).toBe(160_000);
  });

  it('floors the churn rate for lost value the same way', () => {
    // 10,000 × 0.8 × 60 = 480,000
    expect(computeLostValue(10_000, { ...TYPICAL, monthlyChurnRate: 0 })).toBe(480_000);
  });

  it('refuses assumptions out of range, naming each', () => {
    const bad = { arpaMinor: -1, grossMargin: 1.2, monthlyChurnRate: Number.NaN, maxLifetimeMonths: 0 };
    expect(() => computeCustomerLifetimeValue(ACTIVE, bad)).toThrow(
      'CLV assumptions: arpaMinor must be 0 or more, got -1; grossMargin must be from 0 to 1, got 1.2; ' +
        'monthlyChurnRate must be from 0 to 1, got NaN; maxLifetimeMonths must be 1 or more, got 0',
    );
  });
});
