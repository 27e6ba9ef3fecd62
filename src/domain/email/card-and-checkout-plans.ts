import { DateTime } from 'luxon';
import { addDays, addHours, dueSteps, type ReminderStep } from './reminder-steps.ts';

/** A card works through the last moment of its expiry month (UTC: card networks do not say a zone). */
export function cardExpiresAt(expMonth: number, expYear: number): Date {
  return DateTime.utc(expYear, expMonth, 1).endOf('month').toJSDate();
}

/** One reminder `noticeDays` before the card expires, or now if that passed; none once it expired. */
export function planCardExpiryReminder(
  card: { expMonth: number; expYear: number },
  noticeDays: number,
  now: Date,
): ReminderStep[] {
  const expiresAt = cardExpiresAt(card.expMonth, card.expYear);
  if (expiresAt <= now) return [];
  const at = addDays(expiresAt, -noticeDays);
  return [{ step: 1, at: at > now ? at : now, template: 'card_expiry' }];
}

/** Abandoned checkout: a reminder an hour after it started and another a day after. */
export function planCheckoutReminders(startedAt: Date, now: Date): ReminderStep[] {
  const steps = [
    { step: 1, at: addHours(startedAt, 1), template: 'checkout_1h' },
    { step: 2, at: addHours(startedAt, 24), template: 'checkout_24h' },
  ];
  return dueSteps(steps, now, 2);
}
