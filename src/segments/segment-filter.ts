import { z } from 'zod';
import { CHURN_REASONS } from '../domain/churn-reason.ts';
import { RFM_SEGMENTS } from '../domain/scoring/rfm-segments.ts';

/** A day in the team's time zone, as typed and as stored: 2026-10-01. */
const day = z.iso.date();

/**
 * A saved segment's filter, stored as SavedSegment.filter. Every criterion narrows: an account matches when
 * it meets all the criteria given. docs/scoring.md explains each one; `trialNeverConverted` means churned
 * without a single recorded payment (see segmentWhere).
 */
export const segmentFilterSchema = z
  .strictObject({
    reasons: z.array(z.enum(CHURN_REASONS)).min(1).optional(),
    /** Churned on or after this day (team time zone). */
    churnedAfter: day.optional(),
    /** Churned before this day (team time zone). */
    churnedBefore: day.optional(),
    plans: z.array(z.string().min(1)).min(1).optional(),
    /** CLV at least this many minor units of the account's own currency. */
    clvAtLeastMinor: z.int().min(0).optional(),
    rfmSegments: z.array(z.enum(RFM_SEGMENTS)).min(1).optional(),
    /** A feedback entry's requested feature contains this text, case aside. */
    requestedFeature: z.string().min(1).optional(),
    trialNeverConverted: z.literal(true).optional(),
    /** Each account attribute (e.g. Telco's Contract) equals the text given, exactly. */
    attributes: z.record(z.string().min(1), z.string()).optional(),
    statuses: z
      .array(z.enum(['trialing', 'active', 'past_due', 'churned']))
      .min(1)
      .optional(),
  })
  .refine((filter) => Object.keys(filter).length > 0, 'a segment needs at least one criterion')
  .refine(
    (filter) => !filter.churnedAfter || !filter.churnedBefore || filter.churnedAfter < filter.churnedBefore,
    'churnedAfter must be before churnedBefore',
  );

export type SegmentFilter = z.infer<typeof segmentFilterSchema>;

/** Lowercase letters, digits, - and _: one word, so `/winback segment NAME` can name it. */
export const segmentNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'expected lowercase letters, digits, - and _ (at most 40), e.g. price-q4');
