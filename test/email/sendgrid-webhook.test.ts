import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startSendGridStandIn } from '../support/sendgrid-stand-in.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { createAccount, giveThreadAndOwner } from './email-rig.ts';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const PUBLIC_KEY = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

let app: TestApp;
beforeAll(async () => {
  const sendgrid = await startSendGridStandIn();
  app = await startTestApp({
    SENDGRID_WEBHOOK_PUBLIC_KEY: PUBLIC_KEY,
    SENDGRID_API_KEY: sendgrid.apiKey,
    SENDGRID_API_URL: sendgrid.url,
    WINBACK_FROM_EMAIL: 'winback@example.com',
  });
  return () => sendgrid.close();
});

const samples = new URL('../fixtures/sendgrid/event-webhook-samples/', import.meta.url);
const sample = (name: string) => JSON.parse(readFileSync(new URL(name, samples), 'utf8')) as Record<string, unknown>[];

/** POSTs a body signed as SendGrid signs it: ECDSA P-256 over timestamp + raw body. */
async function post(body: string, options: { timestamp?: number; tamper?: boolean } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign('sha256', Buffer.from(timestamp + body), privateKey).toString('base64');
  const response = await fetch(`${app.baseUrl}/webhooks/sendgrid`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Twilio-Email-Event-Webhook-Signature': signature,
      'X-Twilio-Email-Event-Webhook-Timestamp': timestamp,
    },
    body: options.tamper ? body.replace('}', ',"x":1}') : body,
  });
  return { status: response.status, body: await response.json() };
}

async function sentMessage(
  accountId: string,
  providerMessageId: string | null = null,
  status: 'sent' | 'queued' = 'sent',
) {
  return app.db.prisma.emailMessage.create({
    data: {
      accountId,
      kind: 'winback',
      template: 'winback_price',
      variant: 'A',
      idempotencyKey: `test:${randomUUID()}`,
      toEmail: 'example@test.com',
      subject: 'A plan that fits',
      html: '<p>x</p>',
      text: 'x',
      status,
      sentAt: status === 'sent' ? new Date() : null,
      providerMessageId,
    },
  });
}

/** A captured event made about our message: its custom_args and a fresh sg_event_id. */
function eventFor(name: string, message: { id: string; accountId: string }) {
  const [event] = sample(name);
  return { ...event, sg_event_id: randomUUID(), winback_message_id: message.id, winback_account_id: message.accountId };
}

const status = async (id: string) => (await app.db.prisma.emailMessage.findUniqueOrThrow({ where: { id } })).status;

describe('POST /webhooks/sendgrid', () => {
  it('applies captured events in order of strength; a late delivered never undoes an open', async () => {
    const account = await createAccount(app.db);
    const message = await sentMessage(account.id);
    const body = JSON.stringify([
      eventFor('processed.json', message),
      eventFor('open.json', message),
      eventFor('delivered.json', message),
    ]);
    expect(await post(body)).toEqual({ status: 200, body: { received: 3, fresh: 3 } });
    expect(await status(message.id)).toBe('opened');
  });

  it('finds a message by the X-Message-Id prefix of sg_message_id when custom_args are absent', async () => {
    const account = await createAccount(app.db);
    // sg_message_id is X-Message-Id, a dot, then SendGrid's suffix; the old sample's id is the part before it.
    const message = await sentMessage(account.id, '14c5d75ce93');
    expect((await post(readFileSync(new URL('click.json', samples), 'utf8'))).status).toBe(200);
    expect(await status(message.id)).toBe('clicked');
  });

  it('stores an event once: a redelivery changes nothing; the sample batch reuses one sg_event_id', async () => {
    const account = await createAccount(app.db);
    const message = await sentMessage(account.id);
    const body = JSON.stringify([eventFor('delivered.json', message)]);
    expect((await post(body)).body).toEqual({ received: 1, fresh: 1 });
    expect((await post(body)).body).toEqual({ received: 1, fresh: 0 });

    const batch = await post(readFileSync(new URL('all_event_types.batch.json', samples), 'utf8'));
    expect(batch.body).toEqual({ received: 11, fresh: 1 });
    expect(await app.db.prisma.emailEvent.count({ where: { providerEventId: 'sg_event_id' } })).toBe(1);
  });

  it.each([
    'unsubscribe.json',
    'group_unsubscribe.json',
    'spamreport.json',
  ])('%s turns consent off, cancels queued emails and says so in the thread', async (name) => {
    const account = await createAccount(app.db);
    await giveThreadAndOwner(app.db, account.id);
    const message = await sentMessage(account.id);
    const pending = await sentMessage(account.id, null, 'queued');
    app.slack.reset();

    expect((await post(JSON.stringify([eventFor(name, message)]))).status).toBe(200);

    const after = await app.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.emailConsent).toBe(false);
    expect(after.unsubscribedAt).not.toBeNull();
    expect(await status(pending.id)).toBe('cancelled');
    expect(await status(message.id)).toBe(name === 'spamreport.json' ? 'spam_reported' : 'unsubscribed');
    const [note] = app.slack.callsTo('chat.postMessage');
    expect(note?.args).toMatchObject({ channel: 'C0THREAD1', thread_ts: '1700000000.000100' });
    expect(String(note?.args.text)).toContain('no more email goes to');
  });

  it('a hard bounce marks the address; a blocked bounce does not', async () => {
    const account = await createAccount(app.db);
    const message = await sentMessage(account.id);
    await post(JSON.stringify([eventFor('bounce.blocked.json', message)]));
    expect((await app.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).bouncedAt).toBeNull();
    await post(JSON.stringify([eventFor('bounce.bounce.json', message)]));
    expect((await app.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).bouncedAt).not.toBeNull();
    expect(await status(message.id)).toBe('bounced');
  });

  it('refuses a tampered body, a stale timestamp and a missing signature with 401, storing nothing', async () => {
    const account = await createAccount(app.db);
    const message = await sentMessage(account.id);
    const body = JSON.stringify([eventFor('delivered.json', message)]);
    expect((await post(body, { tamper: true })).status).toBe(401);
    expect((await post(body, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    const unsigned = await fetch(`${app.baseUrl}/webhooks/sendgrid`, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(await status(message.id)).toBe('sent');
  });

  it('answers 400 to a signed body that is not a JSON array', async () => {
    expect((await post('{"event":"open"}')).status).toBe(400);
  });
});
