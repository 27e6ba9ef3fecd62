import { scoreByQuintile } from './quintile-score.ts';
import { classifyRfmSegment, type RfmScores, type RfmSegment } from './rfm-segments.ts';

/** One account's raw RFM measures; null means unknown (it scores 1 on that axis, see scoreByQuintile). */
export interface RfmInput {
  id: string;
  /** Days since the last payment or activity, whichever is later; fewer is better. */
  recencyDays: number | null;
  /** Payments made, or months active when payments are not counted; more is better. */
  frequency: number | null;
  /** Total paid in minor units; more is better. Amounts must share one currency to compare. */
  monetary: number | null;
}

export interface RfmResult extends RfmScores {
  id: string;
  segment: RfmSegment;
}

/**
 * Scores every account of the current population 1–5 on recency, frequency and monetary by quintile,
 * then names its segment. Scores are relative: they move when the population does, so score the whole
 * population in one call. Results come back in input order.
 */
export function scoreRfm(population: readonly RfmInput[]): RfmResult[] {
  const days = population.map((account) => account.recencyDays);
  const payments = population.map((account) => account.frequency);
  const paid = population.map((account) => account.monetary);
  const [recency, frequency, monetary] = [
    scoreByQuintile(days, 'lower'),
    scoreByQuintile(payments, 'higher'),
    scoreByQuintile(paid, 'higher'),
  ];

  return population.map((account, index) => {
    const scores = {
      recency: recency[index] ?? 1,
      frequency: frequency[index] ?? 1,
      monetary: monetary[index] ?? 1,
    } satisfies RfmScores;
    return { id: account.id, ...scores, segment: classifyRfmSegment(scores) };
  });
}

/**
 * Whole days from `lastActiveAt` to `asOf`, rounded down: the recency input. Pass the later of the last
 * payment and the last activity. Null when there is no date; a date after `asOf` (clock skew) counts as 0.
 */
export function countDaysSince(lastActiveAt: Date | null, asOf: Date): number | null {
  if (lastActiveAt === null) return null;
  return Math.max(0, Math.floor((asOf.getTime() - lastActiveAt.getTime()) / 86_400_000));
}
