import type { ChurnReason } from '../../domain/churn-reason.ts';

/** What Stripe records about a cancellation; absent on API versions before cancellation_details existed. */
export interface CancellationDetails {
  comment?: string | null;
  feedback?: string | null;
  reason?: string | null;
}

/** The customer's own answer in Stripe's cancellation survey, in winback's taxonomy. */
const REASON_BY_FEEDBACK = new Map<string, ChurnReason>([
  ['too_expensive', 'price'],
  ['missing_features', 'missing_feature'],
  ['switched_service', 'competitor'],
  ['too_complex', 'usability'],
  ['customer_service', 'support'],
  ['unused', 'unused'],
  ['low_quality', 'low_quality'],
  ['other', 'other'],
]);

/**
 * The churn reason a cancellation states. The customer's feedback wins over Stripe's own reason; a survey
 * answer added to Stripe after this table counts as 'other' so the customer's choice is not dropped.
 * Only a cancellation for failed payment implies a reason without feedback: requested, disputed and
 * retention-policy cancellations say nothing about why the customer left.
 */
export function mapChurnReason(details: CancellationDetails | null | undefined): ChurnReason | null {
  if (details?.feedback) {
    return REASON_BY_FEEDBACK.get(details.feedback) ?? 'other';
  }

  return details?.reason === 'payment_failed' ? 'involuntary' : null;
}

/** The customer's free-text comment, if they wrote one. */
export function readChurnReasonText(details: CancellationDetails | null | undefined): string | null {
  const comment = details?.comment?.trim();
  return comment ? comment : null;
}
