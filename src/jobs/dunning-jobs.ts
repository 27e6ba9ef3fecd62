import { cancelResolvedReminders } from '../dunning/cancel-resolved-dunning.ts';
import { planCardExpiryReminders, planCheckoutReminderEmails } from '../dunning/plan-card-and-checkout-reminders.ts';
import { planPaymentDunning } from '../dunning/plan-payment-dunning.ts';
import type { EmailDeps } from '../email/email-deps.ts';
import { createQueueSafely } from './job-queue.ts';
import { QUEUES } from './queues.ts';

export interface DunningTickResult {
  failures: number;
  cards: number;
  checkouts: number;
  cancelled: number;
}

/**
 * One minute of dunning. It reads PaymentFailure, CardExpiry and Checkout as ingest left them, so
 * ingest needs no knowledge of email: cancellation first (a recovery wins over a plan), then planning.
 */
export async function runDunningTick(deps: EmailDeps, now = new Date()): Promise<DunningTickResult> {
  const cancelled = await cancelResolvedReminders(deps);
  const failures = await planPaymentDunning(deps, now);
  const cards = await planCardExpiryReminders(deps, now);
  const checkouts = await planCheckoutReminderEmails(deps, now);
  return { failures, cards, checkouts, cancelled };
}

/** Every minute, on one instance: pg-boss creates one job per cron slot however many run. */
export async function startDunningJobs(deps: EmailDeps): Promise<void> {
  await createQueueSafely(deps.boss, QUEUES.dunningTick);
  await deps.boss.schedule(QUEUES.dunningTick, '* * * * *');
  await deps.boss.work(QUEUES.dunningTick, async ([job]) => {
    const started = Date.now();
    const result = await runDunningTick(deps);
    deps.logger.debug({ jobId: job?.id, queue: QUEUES.dunningTick, ...result, ms: Date.now() - started }, 'job done');
  });
}
