import { describe, expect, it } from 'vitest';
import { type HighValueRule, highValueRuleSchema, isHighValue } from '../../../src/domain/scoring/high-value.ts';

const THRESHOLD: HighValueRule = { kind: 'clv_threshold', minClvMinor: 500_000 };
const PARETO: HighValueRule = { kind: 'pareto' };

describe('isHighValue', () => {
  it.each<{ rule: string; clvMinor: number | null; paretoPriority: boolean; by: HighValueRule; high: boolean }>([
    {
      rule: 'threshold: CLV at the threshold counts (inclusive)',
      clvMinor: 500_000,
      paretoPriority: false,
      by: THRESHOLD,
      high: true,
    },
    {
      rule: 'threshold: one minor unit below does not',
      clvMinor: 499_999,
      paretoPriority: true,
      by: THRESHOLD,
      high: false,
    },
    {
      rule: 'threshold: an unscored account (CLV null) never counts',
      clvMinor: null,
      paretoPriority: true,
      by: THRESHOLD,
      high: false,
    },
    {
      rule: 'pareto: the priority flag counts, whatever the CLV',
      clvMinor: 1,
      paretoPriority: true,
      by: PARETO,
      high: true,
    },
    {
      rule: 'pareto: no flag, no matter how high the CLV',
      clvMinor: 9_999_999,
      paretoPriority: false,
      by: PARETO,
      high: false,
    },
  ])('$rule', ({ clvMinor, paretoPriority, by, high }) => {
    expect(isHighValue({ clvMinor, paretoPriority }, by)).toBe(high);
  });
});

describe('highValueRuleSchema', () => {
  it('reads both kinds of rule and refuses a threshold that is not a whole number of minor units', () => {
    expect(highValueRuleSchema.parse({ kind: 'clv_threshold', minClvMinor: 500_000 })).toEqual(THRESHOLD);
    expect(highValueRuleSchema.parse({ kind: 'pareto' })).toEqual(PARETO);
    expect(highValueRuleSchema.safeParse({ kind: 'clv_threshold', minClvMinor: 12.5 }).success).toBe(false);
    expect(highValueRuleSchema.safeParse({ kind: 'top_ten' }).success).toBe(false);
  });
});
