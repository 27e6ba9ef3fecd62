import type { QuintileScore } from './quintile-score.ts';

export const RFM_SEGMENTS = [
  'champions',
  'loyal_customers',
  'potential_loyalists',
  'new_customers',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmScores {
  recency: QuintileScore;
  frequency: QuintileScore;
  monetary: QuintileScore;
}

/**
 * The segment of every score pair: row = recency score R, column = FM, the mean of the frequency and
 * monetary scores with a half rounding up (F 4, M 5 → 5). This is the common R × F grid of RFM practice
 * with M folded into the column, and Lost split out of Hibernating as the bottom corner (R 1, FM 1).
 * Every one of the 125 R/F/M combinations lands in exactly one cell; docs/rfm-segments.md shows the same
 * table, and a test keeps the two equal.
 */
export const RFM_SEGMENT_GRID: Readonly<Record<QuintileScore, readonly RfmSegment[]>> = {
  //  FM:  1                 2                      3                      4                  5
  5: ['new_customers', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  4: ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal_customers', 'loyal_customers'],
  3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal_customers', 'loyal_customers'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  1: ['lost', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
};

/** How each segment reads in Slack and in docs/rfm-segments.md. */
export const RFM_SEGMENT_LABELS: Readonly<Record<RfmSegment, string>> = {
  champions: 'Champions',
  loyal_customers: 'Loyal customers',
  potential_loyalists: 'Potential loyalists',
  new_customers: 'New customers',
  promising: 'Promising',
  need_attention: 'Need attention',
  about_to_sleep: 'About to sleep',
  at_risk: 'At risk',
  cant_lose_them: "Can't lose them",
  hibernating: 'Hibernating',
  lost: 'Lost',
};

/** The FM column: the mean of F and M, a half rounding up. */
export function combineFrequencyMonetary(frequency: QuintileScore, monetary: QuintileScore): QuintileScore {
  return Math.ceil((frequency + monetary) / 2) as QuintileScore;
}

/** Looks an account's R/F/M scores up in RFM_SEGMENT_GRID. */
export function classifyRfmSegment(scores: RfmScores): RfmSegment {
  const column = combineFrequencyMonetary(scores.frequency, scores.monetary);
  return RFM_SEGMENT_GRID[scores.recency][column - 1] as RfmSegment;
}
