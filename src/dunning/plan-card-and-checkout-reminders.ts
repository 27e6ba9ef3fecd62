import { planCardExpiryReminder, planCheckoutReminders } from '../domain/email/card-and-checkout-plans.ts';
import type { EmailDeps } from '../email/email-deps.ts';
import { mergeValuesFor } from '../email/merge-values.ts';
import { queueReminder } from './queue-reminder.ts';

const BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One reminder per card and expiry date, once its notice period starts; a card replaced by one with a
 * later expiry gets its own. Accounts that already churned are left alone: their card is not billed.
 */
export async function planCardExpiryReminders(deps: EmailDeps, now = new Date()): Promise<number> {
  const noticeDays = deps.settings.WINBACK_CARD_EXPIRY_NOTICE_DAYS;
  const horizon = new Date(now.getTime() + (noticeDays + 1) * DAY_MS);
  const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
  const cards = await deps.prisma.cardExpiry.findMany({
    where: { remindedAt: null, account: { status: { not: 'churned' } } },
    include: { account: true },
    take: 5000,
  });
  const soon = cards.filter((card) => {
    const index = card.expYear * 12 + (card.expMonth - 1);
    return index >= monthIndex(now) && index <= monthIndex(horizon);
  });
  let planned = 0;
  for (const card of soon.slice(0, BATCH)) {
    const [step] = planCardExpiryReminder(card, noticeDays, now);
    if (!step || step.at > now) continue;
    const values = mergeValuesFor({ account: card.account, card, settings: deps.settings });
    const idempotencyKey = `card_expiry:${card.id}:${card.expYear}-${card.expMonth}`;
    await deps.prisma.$transaction(async (tx) => {
      await queueReminder(deps, tx, {
        idempotencyKey,
        account: card.account,
        toEmail: card.account.email,
        kind: 'card_expiry',
        template: step.template,
        at: step.at,
        values,
        cardExpiryId: card.id,
      });
      await tx.cardExpiry.updateMany({ where: { id: card.id, remindedAt: null }, data: { remindedAt: now } });
    });
    planned += 1;
  }
  return planned;
}

/** Abandoned checkouts of the last two days get their 1 h and 24 h reminders planned, once. */
export async function planCheckoutReminderEmails(deps: EmailDeps, now = new Date()): Promise<number> {
  const checkouts = await deps.prisma.checkout.findMany({
    where: {
      status: { not: 'complete' },
      accountId: { not: null },
      startedAt: { gt: new Date(now.getTime() - 2 * DAY_MS) },
      emails: { none: {} },
    },
    include: { account: true },
    take: BATCH,
  });
  for (const checkout of checkouts) {
    const account = checkout.account;
    if (!account) continue;
    const values = mergeValuesFor({ account, settings: deps.settings });
    const steps = planCheckoutReminders(checkout.startedAt, now);
    await deps.prisma.$transaction(async (tx) => {
      for (const step of steps) {
        await queueReminder(deps, tx, {
          idempotencyKey: `checkout:${checkout.id}:${step.step}`,
          account,
          toEmail: checkout.email ?? account.email,
          kind: 'checkout',
          template: step.template,
          at: step.at,
          values,
          checkoutId: checkout.id,
        });
      }
    });
  }
  return checkouts.length;
}
