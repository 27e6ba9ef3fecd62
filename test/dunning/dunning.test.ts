import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendEmailMessage } from '../../src/email/send-email-message.ts';
import { runDunningTick } from '../../src/jobs/dunning-jobs.ts';
import { createAccount, type EmailRig, giveThreadAndOwner, startEmailRig } from '../email/email-rig.ts';

let rig: EmailRig;
beforeAll(async () => {
  rig = await startEmailRig();
});
beforeEach(() => {
  rig.sendgrid.reset();
  rig.slack.reset();
});

const DAY = 24 * 3600 * 1000;

async function failure(accountId: string, fields: { declineCode?: string | null; failedAt?: Date } = {}) {
  return rig.db.prisma.paymentFailure.create({
    data: {
      accountId,
      source: 'test',
      invoiceId: `in_${randomUUID().slice(0, 8)}`,
      amountMinor: 4900,
      currency: 'USD',
      declineCode: fields.declineCode ?? 'generic_decline',
      failedAt: fields.failedAt ?? new Date(),
    },
  });
}

const emailsOf = (paymentFailureId: string) =>
  rig.db.prisma.emailMessage.findMany({ where: { paymentFailureId }, orderBy: { scheduledFor: 'asc' } });

describe('dunning for a payment failure', () => {
  it('plans a reminder at 1, 3 and 7 days, each an outbox row, and notes the plan in the thread', async () => {
    const account = await createAccount(rig.db, { status: 'past_due' });
    await giveThreadAndOwner(rig.db, account.id);
    const failedAt = new Date();
    const open = await failure(account.id, { failedAt });

    await runDunningTick(rig.deps, failedAt);

    const emails = await emailsOf(open.id);
    expect(
      emails.map((email) => [email.status, email.template, email.scheduledFor.getTime() - failedAt.getTime()]),
    ).toEqual([
      ['queued', 'dunning_generic', 1 * DAY],
      ['queued', 'dunning_generic', 3 * DAY],
      ['queued', 'dunning_generic', 7 * DAY],
    ]);
    expect(emails[0]?.text).toContain('$49.00');
    expect(emails[0]?.text).toContain(`https://app.example.com/billing?account=${account.externalId}`);
    const [note] = rig.slack.callsTo('chat.postMessage');
    expect(String(note?.args.text)).toContain('dunning reminders planned');

    // A second tick plans nothing more.
    await runDunningTick(rig.deps, failedAt);
    expect(await emailsOf(open.id)).toHaveLength(3);
  });

  it('cancels every waiting reminder the moment the payment recovers, even before the next tick', async () => {
    const account = await createAccount(rig.db, { status: 'past_due' });
    await giveThreadAndOwner(rig.db, account.id);
    const failedAt = new Date(Date.now() - 2 * DAY);
    const open = await failure(account.id, { failedAt });
    await runDunningTick(rig.deps, new Date());
    const [first] = await emailsOf(open.id);
    expect(first?.status).toBe('queued');

    await rig.db.prisma.paymentFailure.update({
      where: { id: open.id },
      data: { status: 'recovered', resolvedAt: new Date() },
    });
    // The due reminder's job runs before the tick sees the recovery: the claim refuses it.
    expect(await sendEmailMessage(rig.deps, first?.id ?? '')).toBe('cancelled');
    expect(rig.sendgrid.requests).toHaveLength(0);

    rig.slack.reset();
    await runDunningTick(rig.deps, new Date());
    const after = await emailsOf(open.id);
    expect(after.map((email) => email.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(after[2]?.lastError).toBe('not sent: the payment went through');
    const [note] = rig.slack.callsTo('chat.postMessage');
    expect(String(note?.args.text)).toBe(
      '<@U0OWNER01> Dunning stopped: the payment went through; 2 reminders cancelled.',
    );
  });

  it.each(['void', 'uncollectible'] as const)('cancels them when the invoice is %s', async (status) => {
    const account = await createAccount(rig.db, { status: 'past_due' });
    const open = await failure(account.id);
    await runDunningTick(rig.deps, new Date());
    await rig.db.prisma.paymentFailure.update({ where: { id: open.id }, data: { status } });
    await runDunningTick(rig.deps, new Date());
    expect((await emailsOf(open.id)).every((email) => email.status === 'cancelled')).toBe(true);
  });

  it('an expired card is asked for a new card at once', async () => {
    const account = await createAccount(rig.db, { status: 'past_due' });
    const now = new Date();
    const open = await failure(account.id, { declineCode: 'expired_card', failedAt: now });
    await runDunningTick(rig.deps, now);
    const [first] = await emailsOf(open.id);
    expect(first).toMatchObject({ template: 'dunning_expired_card', scheduledFor: now });
    expect(await sendEmailMessage(rig.deps, first?.id ?? '')).toBe('sent');
    expect(rig.sendgrid.accepted[0]?.body.categories).toContain('kind:dunning');
  });

  it.each(['fraudulent', 'stolen_card', 'lost_card'])('a %s card gets no email; the owner is alerted', async (code) => {
    const account = await createAccount(rig.db, { status: 'past_due' });
    await giveThreadAndOwner(rig.db, account.id, 'U0OWNER02');
    const open = await failure(account.id, { declineCode: code });
    await runDunningTick(rig.deps, new Date());

    const emails = await emailsOf(open.id);
    expect(emails.map((email) => [email.status, email.lastError])).toEqual([
      ['cancelled', `held: card reported ${code}`],
    ]);
    const [alert] = rig.slack.callsTo('chat.postMessage');
    expect(String(alert?.args.text)).toMatch(
      new RegExp(`^<@U0OWNER02> A payment failed because the card was reported \\*${code}\\*`),
    );
    expect(rig.sendgrid.requests).toHaveLength(0);
  });

  it('without a thread, the fraud alert goes to the digest channel mentioning the managers', async () => {
    const account = await createAccount(rig.db, { status: 'past_due' });
    await failure(account.id, { declineCode: 'fraudulent' });
    await runDunningTick(rig.deps, new Date());
    const [alert] = rig.slack.callsTo('chat.postMessage');
    expect(alert?.args).toMatchObject({ channel: 'C0DIGEST1' });
    expect(String(alert?.args.text)).toMatch(/^<@U0MANAGER> A payment failed/);
  });

  it('a step whose template needs a link that is not configured is recorded as not sent, saying why', async () => {
    const deps = rig.withSettings({ WINBACK_APP_URL: '' });
    const account = await createAccount(rig.db, { status: 'past_due' });
    const open = await failure(account.id);
    await runDunningTick(deps, new Date());
    const [first] = await emailsOf(open.id);
    expect(first?.status).toBe('cancelled');
    expect(first?.lastError).toBe('not sent: missing {{update_payment_url}} (WINBACK_APP_URL is not set)');
  });
});

describe('card expiry and abandoned checkouts', () => {
  it('reminds once about a card that expires within the notice period', async () => {
    const account = await createAccount(rig.db, { status: 'active' });
    const soon = new Date(Date.now() + 5 * DAY);
    const card = await rig.db.prisma.cardExpiry.create({
      data: {
        accountId: account.id,
        source: 'test',
        paymentMethodId: `pm_${randomUUID()}`,
        last4: '4242',
        expMonth: soon.getUTCMonth() + 1,
        expYear: soon.getUTCFullYear(),
      },
    });
    // A notice period longer than any month, so the card is inside it whatever day the suite runs.
    const deps = rig.withSettings({ WINBACK_CARD_EXPIRY_NOTICE_DAYS: '45' });
    await runDunningTick(deps, new Date());
    await runDunningTick(deps, new Date());
    const emails = await rig.db.prisma.emailMessage.findMany({ where: { cardExpiryId: card.id } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ kind: 'card_expiry', status: 'queued' });
    expect(emails[0]?.subject).toBe('Your card ending 4242 expires soon');
  });

  it('an abandoned checkout gets reminders at 1 h and 24 h, cancelled once it completes', async () => {
    const account = await createAccount(rig.db, { status: 'trialing' });
    const startedAt = new Date();
    const checkout = await rig.db.prisma.checkout.create({
      data: { accountId: account.id, source: 'test', externalId: `cs_${randomUUID()}`, status: 'open', startedAt },
    });
    await runDunningTick(rig.deps, startedAt);
    const planned = await rig.db.prisma.emailMessage.findMany({
      where: { checkoutId: checkout.id },
      orderBy: { scheduledFor: 'asc' },
    });
    expect(planned.map((email) => [email.template, email.scheduledFor.getTime() - startedAt.getTime()])).toEqual([
      ['checkout_1h', 3600_000],
      ['checkout_24h', 24 * 3600_000],
    ]);

    await rig.db.prisma.checkout.update({
      where: { id: checkout.id },
      data: { status: 'complete', completedAt: new Date() },
    });
    await runDunningTick(rig.deps, new Date());
    const after = await rig.db.prisma.emailMessage.findMany({ where: { checkoutId: checkout.id } });
    expect(after.every((email) => email.status === 'cancelled')).toBe(true);
  });
});
