import { describe, expect, it } from 'vitest';
import { planCardExpiryReminder, planCheckoutReminders } from '../../../src/domain/email/card-and-checkout-plans.ts';
import { declineCategoryOf, planDunning } from '../../../src/domain/email/dunning-plan.ts';
import { nextWinbackAllowedAt } from '../../../src/domain/email/frequency-cap.ts';
import { nextSendableTime, parseQuietHours } from '../../../src/domain/email/quiet-hours.ts';

const quiet = parseQuietHours('20:00-08:00') ?? { startMinute: 0, endMinute: 0 };
const at = (iso: string) => new Date(iso);

describe('nextSendableTime (quiet hours 20:00-08:00 in the recipient zone)', () => {
  it.each([
    ['noon in Berlin: now', '2026-03-10T11:00:00Z', 'Europe/Berlin', '2026-03-10T11:00:00.000Z'],
    ['21:30 in Berlin: 08:00 Berlin next day', '2026-03-10T20:30:00Z', 'Europe/Berlin', '2026-03-11T07:00:00.000Z'],
    ['03:00 in Berlin: 08:00 the same day', '2026-03-10T02:00:00Z', 'Europe/Berlin', '2026-03-10T07:00:00.000Z'],
    [
      'the same instant is 22:00 in Tokyo: 08:00 Tokyo',
      '2026-03-10T13:00:00Z',
      'Asia/Tokyo',
      '2026-03-10T23:00:00.000Z',
    ],
    ['and 09:00 in New York: now', '2026-03-10T13:00:00Z', 'America/New_York', '2026-03-10T13:00:00.000Z'],
    ['20:00 exactly is quiet', '2026-03-10T19:00:00Z', 'Europe/Berlin', '2026-03-11T07:00:00.000Z'],
    ['08:00 exactly is allowed', '2026-03-10T07:00:00Z', 'Europe/Berlin', '2026-03-10T07:00:00.000Z'],
    [
      'a night over the spring DST change ends at 08:00 summer time',
      '2026-03-28T22:00:00Z',
      'Europe/Berlin',
      '2026-03-29T06:00:00.000Z',
    ],
    ['no zone: the team zone (UTC)', '2026-03-10T22:00:00Z', null, '2026-03-11T08:00:00.000Z'],
    ['an unknown zone: the team zone', '2026-03-10T22:00:00Z', 'Mars/Olympus', '2026-03-11T08:00:00.000Z'],
  ])('%s', (_case, now, zone, expected) => {
    expect(nextSendableTime(at(now), zone, quiet).toISOString()).toBe(expected);
  });

  it('daytime quiet hours (12:00-13:00) that do not span midnight', () => {
    const lunch = parseQuietHours('12:00-13:00') ?? quiet;
    expect(nextSendableTime(at('2026-03-10T12:30:00Z'), 'UTC', lunch).toISOString()).toBe('2026-03-10T13:00:00.000Z');
    expect(nextSendableTime(at('2026-03-10T13:30:00Z'), 'UTC', lunch).toISOString()).toBe('2026-03-10T13:30:00.000Z');
  });

  it.each(['20:00', '25:00-08:00', '20:00-8:00'])('refuses %s as quiet hours', (text) => {
    expect(parseQuietHours(text)).toBeNull();
  });
});

describe('nextWinbackAllowedAt (one win-back email per 7 days)', () => {
  const now = at('2026-03-10T12:00:00Z');
  it.each([
    ['never emailed: now', null, now.toISOString()],
    ['emailed 3 days ago: 4 days from now', '2026-03-07T12:00:00Z', '2026-03-14T12:00:00.000Z'],
    ['emailed exactly 7 days ago: now (inclusive)', '2026-03-03T12:00:00Z', now.toISOString()],
    ['emailed 8 days ago: now', '2026-03-02T12:00:00Z', now.toISOString()],
  ])('%s', (_case, last, expected) => {
    expect(nextWinbackAllowedAt(last ? at(last) : null, now, 7).toISOString()).toBe(expected);
  });

  it('a cap of 0 days allows always', () => {
    expect(nextWinbackAllowedAt(now, now, 0)).toEqual(now);
  });
});

describe('planDunning by decline code (offsets 1, 3, 7 days)', () => {
  const failedAt = at('2026-03-10T12:00:00Z');
  const offsets = [1, 3, 7];
  const times = (plan: ReturnType<typeof planDunning>) =>
    plan.action === 'remind' ? plan.steps.map((step) => step.at.toISOString()) : [];

  it.each([
    ['expired_card', 'expired_card'],
    ['insufficient_funds', 'insufficient_funds'],
    ['fraudulent', 'fraud'],
    ['stolen_card', 'fraud'],
    ['lost_card', 'fraud'],
    ['do_not_honor', 'generic'],
    [null, 'generic'],
  ])('%s is %s', (code, category) => {
    expect(declineCategoryOf(code)).toBe(category);
  });

  it('generic: a reminder at each offset after the failure', () => {
    const plan = planDunning({ declineCode: 'generic_decline', failedAt, nextRetryAt: null }, offsets, failedAt);
    expect(times(plan)).toEqual(['2026-03-11T12:00:00.000Z', '2026-03-13T12:00:00.000Z', '2026-03-17T12:00:00.000Z']);
    expect(plan).toMatchObject({ steps: [{ template: 'dunning_generic', step: 1 }, { step: 2 }, { step: 3 }] });
  });

  it('expired card: ask for a new card at once, then the later offsets', () => {
    const plan = planDunning({ declineCode: 'expired_card', failedAt, nextRetryAt: null }, offsets, failedAt);
    expect(times(plan)).toEqual(['2026-03-10T12:00:00.000Z', '2026-03-13T12:00:00.000Z', '2026-03-17T12:00:00.000Z']);
  });

  it('insufficient funds: waits for the retry; the first reminder an hour after it, spacing kept', () => {
    const nextRetryAt = at('2026-03-13T12:00:00Z');
    const plan = planDunning({ declineCode: 'insufficient_funds', failedAt, nextRetryAt }, offsets, failedAt);
    expect(times(plan)).toEqual(['2026-03-13T13:00:00.000Z', '2026-03-15T13:00:00.000Z', '2026-03-19T13:00:00.000Z']);
  });

  it('fraud: no email, alert the owner', () => {
    expect(planDunning({ declineCode: 'stolen_card', failedAt, nextRetryAt: null }, offsets, failedAt)).toEqual({
      action: 'alert_owner',
      category: 'fraud',
    });
  });

  it('planned late: past steps collapse into one now, future ones stay', () => {
    const now = at('2026-03-14T00:00:00Z');
    const plan = planDunning({ declineCode: null, failedAt, nextRetryAt: null }, offsets, now);
    expect(times(plan)).toEqual([now.toISOString(), '2026-03-17T12:00:00.000Z']);
    expect(plan).toMatchObject({ steps: [{ step: 2 }, { step: 3 }] });
  });

  it('a failure whose last step is over a week old gets no reminders', () => {
    const plan = planDunning({ declineCode: null, failedAt, nextRetryAt: null }, offsets, at('2026-03-25T00:00:00Z'));
    expect(times(plan)).toEqual([]);
  });
});

describe('card expiry and abandoned checkout', () => {
  it('reminds 14 days before the end of the expiry month, or now once inside that window', () => {
    const card = { expMonth: 4, expYear: 2026 };
    const early = planCardExpiryReminder(card, 14, at('2026-03-01T00:00:00Z'));
    expect(early[0]?.at.toISOString()).toBe('2026-04-16T23:59:59.999Z');
    const late = planCardExpiryReminder(card, 14, at('2026-04-20T00:00:00Z'));
    expect(late[0]?.at.toISOString()).toBe('2026-04-20T00:00:00.000Z');
    expect(planCardExpiryReminder(card, 14, at('2026-05-01T00:00:00Z'))).toEqual([]);
  });

  it('a checkout gets reminders 1 h and 24 h after it started', () => {
    const startedAt = at('2026-03-10T12:00:00Z');
    const steps = planCheckoutReminders(startedAt, startedAt);
    expect(steps.map((step) => [step.template, step.at.toISOString()])).toEqual([
      ['checkout_1h', '2026-03-10T13:00:00.000Z'],
      ['checkout_24h', '2026-03-11T12:00:00.000Z'],
    ]);
  });
});
