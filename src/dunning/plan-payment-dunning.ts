import { planDunning } from '../domain/email/dunning-plan.ts';
import type { EmailDeps } from '../email/email-deps.ts';
import { mergeValuesFor } from '../email/merge-values.ts';
import { notifyAccount } from '../email/notify-account.ts';
import { queueReminder, recordSkippedStep } from './queue-reminder.ts';

const BATCH = 200;

/**
 * Plans the dunning steps of every open payment failure that has none yet, each failure in one
 * transaction (its rows and jobs together). A card reported fraudulent, lost or stolen gets no email:
 * one held step is recorded and the account's owner is told in Slack.
 */
export async function planPaymentDunning(deps: EmailDeps, now = new Date()): Promise<number> {
  const failures = await deps.prisma.paymentFailure.findMany({
    where: { status: 'open', emails: { none: {} } },
    include: { account: true },
    orderBy: { failedAt: 'asc' },
    take: BATCH,
  });
  for (const failure of failures) {
    const { account } = failure;
    const plan = planDunning(failure, deps.settings.WINBACK_DUNNING_DAYS, now);
    const base = { account, toEmail: account.email, kind: 'dunning' as const, paymentFailureId: failure.id };

    if (plan.action === 'alert_owner') {
      const held = {
        ...base,
        idempotencyKey: `dunning:${failure.id}:held`,
        template: 'dunning_held',
        at: now,
        values: {},
      };
      await deps.prisma.$transaction((tx) => recordSkippedStep(tx, held, `held: card reported ${failure.declineCode}`));
      const text =
        `A payment failed because the card was reported *${failure.declineCode}*. ` +
        'No reminder email goes out for this; please check the account before contacting the customer.';
      await notifyAccount(deps, { accountId: account.id }, text);
      continue;
    }

    const values = mergeValuesFor({ account, failure, settings: deps.settings });
    await deps.prisma.$transaction(async (tx) => {
      if (plan.steps.length === 0) {
        const stale = {
          ...base,
          idempotencyKey: `dunning:${failure.id}:stale`,
          template: 'dunning_stale',
          at: now,
          values,
        };
        await recordSkippedStep(tx, stale, 'not sent: the failure is too old for reminders');
        return;
      }
      for (const step of plan.steps) {
        const idempotencyKey = `dunning:${failure.id}:${step.step}`;
        await queueReminder(deps, tx, { ...base, idempotencyKey, template: step.template, at: step.at, values });
      }
    });
    deps.logger.info(
      { accountId: account.id, paymentFailureId: failure.id, steps: plan.steps.length },
      'dunning planned',
    );
    if (plan.steps.length > 0) {
      const days = plan.steps.map((step) => step.at.toISOString().slice(0, 10)).join(', ');
      const text = `Payment failed (${plan.category.replaceAll('_', ' ')}): dunning reminders planned for ${days}.`;
      await notifyAccount(deps, { accountId: account.id }, text, { threadOnly: true });
    }
  }
  return failures.length;
}
