import { z } from 'zod';

/**
 * Which accounts the digest calls high-value. `clv_threshold`: CLV at or above `minClvMinor`, in minor
 * units of the account's currency (one threshold serves one currency). `pareto`: the account carries the
 * Pareto priority flag (see rankByLostValue), so the set adapts to the population instead of a number.
 */
export type HighValueRule = { kind: 'clv_threshold'; minClvMinor: number } | { kind: 'pareto' };

/** The rule as config spells it, for the config loader to reuse. */
export const highValueRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('clv_threshold'), minClvMinor: z.int().min(0) }),
  z.strictObject({ kind: z.literal('pareto') }),
]);

/** True when the account counts as high-value under `rule`; an account not yet scored (CLV null) never does. */
export function isHighValue(
  account: { clvMinor: number | null; paretoPriority: boolean },
  rule: HighValueRule,
): boolean {
  if (rule.kind === 'pareto') return account.paretoPriority;
  return account.clvMinor !== null && account.clvMinor >= rule.minClvMinor;
}
