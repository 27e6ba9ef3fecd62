import { z } from 'zod';

// What a full rescoring run measured about the population, stored with the run (ScoringRun.stats) so a
// later incremental run scores changed accounts against the same numbers.

/**
 * The least value scoring at least 2, 3, 4 and 5 on one RFM axis (higher is better; recency is minus days).
 * Scores rise with the value, so a value's score is the highest s whose threshold it reaches, else 1; null
 * where no account scores that high.
 */
export const thresholdsSchema = z.tuple([
  z.int().nullable(),
  z.int().nullable(),
  z.int().nullable(),
  z.int().nullable(),
]);
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const currencyStatsSchema = z.object({
  currency: z.string(),
  accounts: z.int(),
  churned: z.int(),
  /** The CLV assumptions and their result, as computeCustomerLifetimeValue reports them. */
  arpaMinor: z.int(),
  grossMargin: z.number(),
  monthlyChurnRate: z.number(),
  churnRateFloored: z.boolean(),
  futureValueMinor: z.int(),
  recency: thresholdsSchema,
  frequency: thresholdsSchema,
  monetary: thresholdsSchema,
  /** The last account of the Pareto ranking still flagged (ranked by lost value, then id); null flags none. */
  paretoCut: z.object({ lostValueMinor: z.int(), id: z.string() }).nullable(),
});
export type CurrencyStats = z.infer<typeof currencyStatsSchema>;

export const churnRateSchema = z.object({
  source: z.enum(['config', 'measured']),
  /** The rate before the floor; for a measured rate, null when no account was at risk. */
  monthlyChurnRate: z.number().nullable(),
  /** For a measured rate: the period's counts (see measureChurnRate). */
  churned: z.int().optional(),
  atRisk: z.int().optional(),
  periodMonths: z.number().optional(),
  /** Churned accounts without a churn date, which a period cannot place and the measure leaves out. */
  undatedChurned: z.int().optional(),
});
export type ChurnRate = z.infer<typeof churnRateSchema>;

export const scoringStatsSchema = z.object({
  asOf: z.iso.datetime(),
  paretoShare: z.number(),
  churnRate: churnRateSchema,
  currencies: z.array(currencyStatsSchema),
});
export type ScoringStats = z.infer<typeof scoringStatsSchema>;
