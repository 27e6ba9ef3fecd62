import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimMessage } from '../../src/email/claim-message.ts';
import { runEmailTick } from '../../src/email/email-tick.ts';
import { singleMailData } from '../../src/email/mail-data.ts';
import { queueEmail } from '../../src/email/queue-email.ts';
import { sendEmailMessage } from '../../src/email/send-email-message.ts';
import { emailSendJob } from '../../src/email/send-jobs.ts';
import { createAccount, type EmailRig, giveThreadAndOwner, startEmailRig } from './email-rig.ts';

let rig: EmailRig;
beforeAll(async () => {
  rig = await startEmailRig();
});
beforeEach(() => {
  rig.sendgrid.reset();
  rig.slack.reset();
});

async function queued(fields: { accountId: string; key?: string; kind?: 'winback' | 'dunning'; scheduledFor?: Date }) {
  const account = await rig.db.prisma.account.findUniqueOrThrow({ where: { id: fields.accountId } });
  const result = await queueEmail(rig.db.prisma, rig.deps.boss, {
    idempotencyKey: fields.key ?? `test:${randomUUID()}`,
    accountId: account.id,
    kind: fields.kind ?? 'winback',
    template: 'winback_price',
    variant: 'A',
    toEmail: account.email ?? '',
    subject: 'A plan that fits',
    text: 'Hello Ann',
    html: '<p>Hello Ann</p>',
    mergeValues: { first_name: 'Ann' },
    scheduledFor: fields.scheduledFor ?? new Date(),
    createdBySlackId: 'U0SENDER1',
    slackChannelId: 'C0ASKED01',
  });
  return result.messageId;
}

const row = (id: string) => rig.db.prisma.emailMessage.findUniqueOrThrow({ where: { id } });

describe('sending one outbox message', () => {
  it('sends with categories, ids-only custom_args, the unsubscribe group and sandbox off', async () => {
    const deps = rig.withSettings({ SENDGRID_UNSUBSCRIBE_GROUP: '4242' });
    const account = await createAccount(rig.db);
    const id = await queued({ accountId: account.id });

    expect(await sendEmailMessage(deps, id)).toBe('sent');

    const [accepted] = rig.sendgrid.accepted;
    expect(rig.sendgrid.accepted).toHaveLength(1);
    expect(accepted?.body).toMatchObject({
      from: { email: 'winback@example.com', name: 'Customer Success' },
      categories: ['winback', 'kind:winback', 'template:winback_price', 'variant:winback_price:A'],
      asm: { group_id: 4242 },
      mail_settings: { sandbox_mode: { enable: false } },
      content: [
        { type: 'text/plain', value: 'Hello Ann' },
        { type: 'text/html', value: '<p>Hello Ann</p>' },
      ],
    });
    const personalization = (accepted?.body.personalizations as { custom_args?: Record<string, string> }[])[0];
    const args = {
      ...(accepted?.body.custom_args as Record<string, string> | undefined),
      ...personalization?.custom_args,
    };
    expect(args).toEqual({ winback_message_id: id, winback_account_id: account.id, winback_variant: 'A' });
    expect(await row(id)).toMatchObject({ status: 'sent', providerMessageId: accepted?.messageId, attempts: 1 });
  });

  it('in sandbox mode SendGrid checks the email and delivers none', async () => {
    const account = await createAccount(rig.db);
    const id = await queued({ accountId: account.id });
    expect(await sendEmailMessage(rig.withSettings({ SENDGRID_SANDBOX: 'true' }), id)).toBe('sent');
    expect(rig.sendgrid.accepted).toHaveLength(0);
    expect(rig.sendgrid.sandboxed).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', providerMessageId: null });
  });

  it('the same idempotency key queues one row and one job, and a repeated job sends once', async () => {
    const account = await createAccount(rig.db);
    const key = `test:${randomUUID()}`;
    const first = await queued({ accountId: account.id, key });
    const again = await queued({ accountId: account.id, key });
    expect(again).toBe(first);
    const jobs = (await rig.jobsIn(emailSendJob.queue)).filter(
      (job) => (job.data as { messageId: string }).messageId === first,
    );
    expect(jobs).toHaveLength(1);

    expect(await sendEmailMessage(rig.deps, first)).toBe('sent');
    expect(await sendEmailMessage(rig.deps, first)).toBe('not_queued');
    expect(rig.sendgrid.accepted).toHaveLength(1);
  });

  it('a 429 waits as long as Retry-After says, then the retry sends it', async () => {
    const account = await createAccount(rig.db);
    const id = await queued({ accountId: account.id });
    rig.sendgrid.failNext({ status: 429, retryAfter: 7 });
    const now = new Date();

    expect(await sendEmailMessage(rig.deps, id, now)).toBe('retrying');
    const waiting = await row(id);
    expect(waiting.status).toBe('queued');
    expect(waiting.scheduledFor.getTime() - now.getTime()).toBeGreaterThanOrEqual(7000);
    expect(waiting.scheduledFor.getTime() - now.getTime()).toBeLessThan(8000);
    const retry = (await rig.jobsIn(emailSendJob.queue)).find(
      (job) => (job.data as { messageId: string }).messageId === id && job.startAfter >= waiting.scheduledFor,
    );
    expect(retry).toBeDefined();

    expect(await sendEmailMessage(rig.deps, id, waiting.scheduledFor)).toBe('sent');
    expect(rig.sendgrid.accepted).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a 503 without Retry-After backs off 30 s after the first attempt', async () => {
    const account = await createAccount(rig.db);
    const id = await queued({ accountId: account.id });
    rig.sendgrid.failNext({ status: 503 });
    const now = new Date();
    expect(await sendEmailMessage(rig.deps, id, now)).toBe('retrying');
    expect((await row(id)).scheduledFor.getTime() - now.getTime()).toBeGreaterThanOrEqual(30_000);
  });

  it("a 400 fails with SendGrid's message, shown to the sender in Slack", async () => {
    const account = await createAccount(rig.db);
    const id = await queued({ accountId: account.id });
    const errors = [{ message: 'The from email does not contain a valid address.', field: 'from.email', help: null }];
    rig.sendgrid.failNext({ status: 400, errors });

    expect(await sendEmailMessage(rig.deps, id)).toBe('failed');
    expect(await row(id)).toMatchObject({
      status: 'failed',
      lastError: 'The from email does not contain a valid address. (from.email)',
    });
    const [ephemeral] = rig.slack.callsTo('chat.postEphemeral');
    expect(ephemeral?.args).toMatchObject({ channel: 'C0ASKED01', user: 'U0SENDER1' });
    expect(String(ephemeral?.args.text)).toContain('SendGrid said: The from email does not contain a valid address.');
  });

  it('the failure goes to the account thread instead when it has one, mentioning the owner', async () => {
    const account = await createAccount(rig.db);
    await giveThreadAndOwner(rig.db, account.id);
    const id = await queued({ accountId: account.id });
    rig.sendgrid.failNext({ status: 403 });
    expect(await sendEmailMessage(rig.deps, id)).toBe('failed');
    const [post] = rig.slack.callsTo('chat.postMessage');
    expect(post?.args).toMatchObject({ channel: 'C0THREAD1', thread_ts: '1700000000.000100' });
    expect(String(post?.args.text)).toMatch(/^<@U0OWNER01> Email “A plan that fits” was not sent/);
  });

  it('a crash between the SendGrid call and recording it never sends twice: the retry asks for review', async () => {
    const account = await createAccount(rig.db);
    await giveThreadAndOwner(rig.db, account.id);
    const id = await queued({ accountId: account.id });

    // The handler's first two steps, then the process dies before recording the answer.
    const claim = await claimMessage(rig.deps, id);
    if (claim.status !== 'claimed') throw new Error(`expected a claim, got ${claim.status}`);
    await rig.deps.mailer.send(singleMailData(claim.message, rig.deps.settings));
    expect((await row(id)).status).toBe('sending');

    // While the send may still be in flight elsewhere (a duplicate job), a second run leaves it alone.
    expect(await sendEmailMessage(rig.deps, id)).toBe('not_queued');
    // pg-boss retries the job once it expired (2 minutes): now it is known to have died.
    const afterExpiry = new Date(Date.now() + 121_000);
    expect(await sendEmailMessage(rig.deps, id, afterExpiry)).toBe('needs_review');
    expect(rig.sendgrid.accepted).toHaveLength(1);
    expect((await row(id)).status).toBe('needs_review');
    const [note] = rig.slack.callsTo('chat.postMessage');
    expect(String(note?.args.text)).toContain('<@U0OWNER01> Email “A plan that fits” was interrupted');

    // Any later retry leaves it alone.
    expect(await sendEmailMessage(rig.deps, id, afterExpiry)).toBe('not_queued');
    expect(rig.sendgrid.accepted).toHaveLength(1);
  });

  it('in quiet hours where the recipient is, it waits for their morning', async () => {
    const deps = rig.withSettings({ WINBACK_EMAIL_QUIET_HOURS: '20:00-08:00' });
    const account = await createAccount(rig.db, { timezone: 'Asia/Tokyo' });
    const tenPmInTokyo = new Date('2026-03-10T13:00:00Z');
    const id = await queued({ accountId: account.id, scheduledFor: tenPmInTokyo });

    expect(await sendEmailMessage(deps, id, tenPmInTokyo)).toBe('deferred');
    expect(rig.sendgrid.requests).toHaveLength(0);
    expect((await row(id)).scheduledFor.toISOString()).toBe('2026-03-10T23:00:00.000Z');

    // The same instant is 09:00 in New York: that account's email goes.
    const newYork = await createAccount(rig.db, { timezone: 'America/New_York' });
    const other = await queued({ accountId: newYork.id, scheduledFor: tenPmInTokyo });
    expect(await sendEmailMessage(deps, other, tenPmInTokyo)).toBe('sent');
  });

  it('holds a second win-back email within 7 days until the cap allows it; dunning is not capped', async () => {
    const account = await createAccount(rig.db);
    const first = await queued({ accountId: account.id });
    expect(await sendEmailMessage(rig.deps, first)).toBe('sent');
    const sentAt = (await row(first)).sentAt as Date;

    const second = await queued({ accountId: account.id });
    expect(await sendEmailMessage(rig.deps, second)).toBe('deferred');
    expect((await row(second)).scheduledFor.getTime()).toBe(sentAt.getTime() + 7 * 24 * 3600 * 1000);

    const dunning = await queued({ accountId: account.id, kind: 'dunning' });
    expect(await sendEmailMessage(rig.deps, dunning)).toBe('sent');
  });

  it('an unsubscribe after queueing stops the email', async () => {
    const account = await createAccount(rig.db);
    const id = await queued({ accountId: account.id });
    await rig.db.prisma.account.update({
      where: { id: account.id },
      data: { emailConsent: false, unsubscribedAt: new Date() },
    });
    expect(await sendEmailMessage(rig.deps, id)).toBe('cancelled');
    expect(await row(id)).toMatchObject({
      status: 'cancelled',
      lastError: 'not sent: the customer unsubscribed from our emails',
    });
    expect(rig.sendgrid.requests).toHaveLength(0);
  });
});

describe('the minute tick', () => {
  it('marks a message stuck in sending for over 10 minutes needs_review and tells the owner', async () => {
    const account = await createAccount(rig.db);
    await giveThreadAndOwner(rig.db, account.id);
    const id = await queued({ accountId: account.id });
    await rig.db.prisma
      .$executeRaw`UPDATE "EmailMessage" SET status = 'sending', "updatedAt" = now() - interval '11 minutes' WHERE id = ${id}::uuid`;

    expect(await runEmailTick(rig.deps)).toMatchObject({ stuck: 1 });
    expect((await row(id)).status).toBe('needs_review');
    const [note] = rig.slack.callsTo('chat.postMessage');
    expect(String(note?.args.text)).toContain('may or may not have gone out');
    expect(rig.sendgrid.requests).toHaveLength(0);
  });
});
