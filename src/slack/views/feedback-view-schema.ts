import { z } from 'zod';
import { CHURN_REASONS } from '../../domain/churn-reason.ts';
import type { FeedbackInput } from '../../feedback/log-feedback.ts';
import { FEEDBACK_FIELDS, MAX_DETAILS, MAX_SHORT_TEXT } from './feedback-modal.ts';
import { decodeViewMetadata, type ViewMetadata } from './view-metadata.ts';
import { readViewValues, viewErrors } from './view-state.ts';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .optional()
    .transform((value) => value || null);

const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';

// Keys are the modal's block_ids, so a problem lands next to its field.
const feedbackFieldsSchema = z
  .object({
    [FEEDBACK_FIELDS.reason]: z.enum(CHURN_REASONS, { error: 'Choose why they left.' }),
    [FEEDBACK_FIELDS.details]: text(MAX_DETAILS),
    [FEEDBACK_FIELDS.competitor]: text(MAX_SHORT_TEXT),
    [FEEDBACK_FIELDS.requestedFeature]: text(MAX_SHORT_TEXT),
    [FEEDBACK_FIELDS.source]: z.enum(['call', 'survey', 'email', 'chat', 'billing'], {
      error: 'Choose where you heard it.',
    }),
    [FEEDBACK_FIELDS.openToReturn]: z
      .enum(['yes', 'no', 'unknown'])
      .default('unknown')
      .transform((value) => (value === 'unknown' ? null : value === 'yes')),
  })
  // Checked even when another field is wrong too, so every problem shows at once; the values may then be
  // untrimmed input, hence the trim.
  .refine((fields) => fields.reason !== 'competitor' || given(fields.competitor), {
    path: [FEEDBACK_FIELDS.competitor],
    message: 'Name the competitor they moved to.',
    when: () => true,
  })
  .refine((fields) => fields.reason !== 'missing_feature' || given(fields.requestedFeature), {
    path: [FEEDBACK_FIELDS.requestedFeature],
    message: 'Say which feature they missed.',
    when: () => true,
  });

export type FeedbackViewParse =
  | { ok: true; input: FeedbackInput; metadata: ViewMetadata & { accountId: string } }
  | { ok: false; errors: Record<string, string> };

/** The submitted feedback modal as a FeedbackInput, or Slack's field errors. */
export function parseFeedbackView(view: { private_metadata?: string }): FeedbackViewParse {
  const metadata = decodeViewMetadata(view.private_metadata ?? '');
  if (!metadata.accountId) throw new Error('the feedback modal lost its account id');

  const result = feedbackFieldsSchema.safeParse(readViewValues(view));
  if (!result.success) return { ok: false, errors: viewErrors(result.error) };
  return {
    ok: true,
    input: { accountId: metadata.accountId, ...result.data },
    metadata: { ...metadata, accountId: metadata.accountId },
  };
}
