import { addDays, addHours, dueSteps, type ReminderStep } from './reminder-steps.ts';

export type DeclineCategory = 'expired_card' | 'insufficient_funds' | 'fraud' | 'generic';

// Stripe decline codes (stripe.com/docs/declines/codes) grouped by what the customer can do about them.
const CATEGORY_OF_CODE: Record<string, DeclineCategory> = {
  expired_card: 'expired_card',
  insufficient_funds: 'insufficient_funds',
  card_velocity_exceeded: 'insufficient_funds',
  withdrawal_count_limit_exceeded: 'insufficient_funds',
  fraudulent: 'fraud',
  stolen_card: 'fraud',
  lost_card: 'fraud',
  pickup_card: 'fraud',
  merchant_blacklist: 'fraud',
};

export function declineCategoryOf(declineCode: string | null | undefined): DeclineCategory {
  return CATEGORY_OF_CODE[declineCode?.trim().toLowerCase() ?? ''] ?? 'generic';
}

export interface FailureFacts {
  declineCode: string | null;
  failedAt: Date;
  /** When the billing system retries the charge next, if it said. */
  nextRetryAt: Date | null;
}

export type DunningPlan =
  | { action: 'alert_owner'; category: 'fraud' }
  | { action: 'remind'; category: Exclude<DeclineCategory, 'fraud'>; steps: ReminderStep[] };

// Reminders for insufficient funds wait until an hour after the billing system's next retry.
const AFTER_RETRY_HOURS = 1;

/**
 * The dunning sequence for one payment failure, by decline category:
 * - expired_card: ask for a new card at once, then at the later offsets;
 * - insufficient_funds: the same offsets, shifted so the first falls after the next retry;
 * - fraud (fraudulent, stolen, lost, pickup): no email at all; the owner is alerted instead;
 * - anything else: a reminder at each offset (days after the failure).
 */
export function planDunning(failure: FailureFacts, offsetDays: readonly number[], now: Date): DunningPlan {
  const category = declineCategoryOf(failure.declineCode);
  if (category === 'fraud') return { action: 'alert_owner', category };

  let times = offsetDays.map((days) => addDays(failure.failedAt, days));
  if (category === 'expired_card') times = [failure.failedAt, ...times.slice(1)];
  const first = times[0];
  if (category === 'insufficient_funds' && failure.nextRetryAt && first) {
    const shift = Math.max(0, addHours(failure.nextRetryAt, AFTER_RETRY_HOURS).getTime() - first.getTime());
    times = times.map((at) => new Date(at.getTime() + shift));
  }

  const template = `dunning_${category}`;
  const steps = times.map((at, i) => ({ step: i + 1, at, template }));
  return { action: 'remind', category, steps: dueSteps(steps, now) };
}
