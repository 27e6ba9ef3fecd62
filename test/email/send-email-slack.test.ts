import { beforeAll, describe, expect, it } from 'vitest';
import { MODAL_INPUT, VIEWS } from '../../src/slack/ids.ts';
import { type SendGridStandIn, startSendGridStandIn } from '../support/sendgrid-stand-in.ts';
import { blockAction, sendToBolt, slashCommand, viewSubmission } from '../support/slack-requests.ts';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app.ts';
import { createAccount, giveThreadAndOwner } from './email-rig.ts';

let app: TestApp;
let sendgrid: SendGridStandIn;
beforeAll(async () => {
  sendgrid = await startSendGridStandIn();
  app = await startTestApp({
    SENDGRID_API_KEY: sendgrid.apiKey,
    SENDGRID_API_URL: sendgrid.url,
    WINBACK_FROM_EMAIL: 'winback@example.com',
    WINBACK_EMAIL_QUIET_HOURS: '00:00-00:00',
    WINBACK_APP_URL: 'https://app.example.com',
    WINBACK_SURVEY_URL: 'https://survey.example.com/exit',
    WINBACK_MANAGERS: 'U0MANAGER',
  });
  return () => sendgrid.close();
});

const signed = { signingSecret: SIGNING_SECRET };

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Opened = { modal: Record<string, unknown>; viewId: string } | { reply: string };

async function command(text: string, userId: string): Promise<Opened> {
  const responseUrl = app.slack.responseUrl();
  const before = app.slack.callsTo('views.open').length;
  await sendToBolt(app.slackEventsUrl, slashCommand({ text, user_id: userId, response_url: responseUrl }), signed);
  return until<Opened>(() => {
    const opened = app.slack.callsTo('views.open')[before];
    if (opened)
      return {
        modal: opened.args.view as Record<string, unknown>,
        viewId: (opened.response.view as { id: string }).id,
      };
    const [reply] = app.slack.postsTo(responseUrl) as { text: string }[];
    return reply ? { reply: reply.text } : undefined;
  }, 'a modal or a reply');
}

function submission(
  opened: { modal: Record<string, unknown>; viewId: string },
  userId: string,
  edits: Record<string, string> = {},
) {
  const blocks = opened.modal.blocks as { block_id?: string; element?: { initial_value?: string } }[];
  const values: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const block of blocks) {
    if (!block.block_id || !block.element) continue;
    const value = edits[block.block_id] ?? block.element.initial_value ?? '';
    values[block.block_id] = { [MODAL_INPUT]: { type: 'plain_text_input', value } };
  }
  return viewSubmission({
    callbackId: VIEWS.sendEmail,
    values,
    privateMetadata: String(opened.modal.private_metadata),
    viewId: opened.viewId,
    userId,
  });
}

describe('/winback email <account>', () => {
  it('opens a preview the owner can send; confirming queues it and the job sends it', async () => {
    const account = await createAccount(app.db, { company: 'Preview & Sons', churnReason: 'other' });
    await giveThreadAndOwner(app.db, account.id, 'U0OWNER01');
    const opened = await command(`email ${account.externalId}`, 'U0OWNER01');
    if (!('modal' in opened)) throw new Error(`expected a modal, got: ${opened.reply}`);
    expect(opened.modal.callback_id).toBe(VIEWS.sendEmail);
    const preview = JSON.stringify(opened.modal.blocks);
    expect(preview).toContain('Preview &amp; Sons');
    expect(preview).toContain('winback_other');

    const reply = await sendToBolt(app.slackEventsUrl, submission(opened, 'U0OWNER01'), signed);
    expect(JSON.parse(reply.body)).toMatchObject({ response_action: 'update' });
    expect(reply.body).toContain('queued');

    const sent = await until(
      () => sendgrid.accepted.find((message) => JSON.stringify(message.body).includes(account.id)),
      'the email',
    );
    const html = (sent.body.content as { value: string }[])[1]?.value;
    expect(html).toContain('<p>Hi Ann,</p>');
    const row = await until(async () => {
      const found = await app.db.prisma.emailMessage.findFirst({ where: { accountId: account.id, status: 'sent' } });
      return found ?? undefined;
    }, 'the sent row');
    expect(row).toMatchObject({ template: 'winback_other', createdBySlackId: 'U0OWNER01' });
    expect(row.mergeValues).not.toBeNull();
  });

  it('edited text is sent as written, HTML built from it and escaped', async () => {
    const account = await createAccount(app.db, { churnReason: 'other' });
    await giveThreadAndOwner(app.db, account.id, 'U0OWNER03');
    const opened = await command(`email ${account.externalId}`, 'U0OWNER03');
    if (!('modal' in opened)) throw new Error(opened.reply);
    await sendToBolt(
      app.slackEventsUrl,
      submission(opened, 'U0OWNER03', { body: 'Dear Ann,\n\n<b>we miss you</b>' }),
      signed,
    );
    const row = await until(
      async () => (await app.db.prisma.emailMessage.findFirst({ where: { accountId: account.id } })) ?? undefined,
      'row',
    );
    expect(row).toMatchObject({
      text: 'Dear Ann,\n\n<b>we miss you</b>',
      html: '<p>Dear Ann,</p>\n<p>&lt;b&gt;we miss you&lt;/b&gt;</p>',
      mergeValues: null,
    });
  });

  it('refuses someone who neither owns the account nor manages', async () => {
    const account = await createAccount(app.db);
    await giveThreadAndOwner(app.db, account.id, 'U0OWNER01');
    const opened = await command(`email ${account.externalId}`, 'U0STRANGER');
    expect(opened).toEqual({ reply: 'Only <@U0OWNER01>, who owns *Acme &amp; Co*, or a manager can email them.' });
  });

  it('a manager may send; an unsubscribed account is refused with the reason', async () => {
    const account = await createAccount(app.db, {
      emailConsent: false,
      unsubscribedAt: new Date('2026-01-05T10:00:00Z'),
    });
    const opened = await command(`email ${account.externalId}`, 'U0MANAGER');
    expect(opened).toEqual({
      reply: '*Acme &amp; Co* unsubscribed on 2026-01-05: winback does not email them any more.',
    });
  });

  it('names the missing tag and why, for that account', async () => {
    const account = await createAccount(app.db, { contactName: null, churnReason: 'support' });
    const opened = await command(`email ${account.externalId}`, 'U0MANAGER');
    if (!('reply' in opened)) throw new Error('expected a refusal');
    expect(opened.reply).toContain('`winback_support` cannot go to *Acme &amp; Co* yet');
    expect(opened.reply).toContain('• `{{first_name}}`: the account has no contact name');
    expect(opened.reply).toContain('• `{{book_session_url}}`: WINBACK_BOOKING_URL is not set');
  });

  it('the Send email button opens the same modal', async () => {
    const account = await createAccount(app.db, { churnReason: 'other' });
    const before = app.slack.callsTo('views.open').length;
    await sendToBolt(
      app.slackEventsUrl,
      blockAction({
        actionId: 'send_email',
        value: account.id,
        userId: 'U0MANAGER',
        responseUrl: app.slack.responseUrl(),
      }),
      signed,
    );
    const opened = await until(() => app.slack.callsTo('views.open')[before], 'views.open');
    expect((opened.args.view as { callback_id: string }).callback_id).toBe(VIEWS.sendEmail);
  });
});

describe('the account details modal', () => {
  it('has a Send email button, which stacks the send-email modal on it', async () => {
    const account = await createAccount(app.db, { churnReason: 'other' });
    const opened = app.slack.callsTo('views.open').length;
    await sendToBolt(
      app.slackEventsUrl,
      blockAction({
        actionId: 'account_details',
        value: account.id,
        userId: 'U0MANAGER',
        responseUrl: app.slack.responseUrl(),
      }),
      signed,
    );
    const details = await until(() => app.slack.callsTo('views.open')[opened], 'the details modal');
    expect(JSON.stringify(details.args.view)).toContain(
      `"action_id":"send_email","text":{"type":"plain_text","text":"Send email"},"value":"${account.id}"`,
    );

    const pushed = app.slack.callsTo('views.push').length;
    const click = blockAction({
      actionId: 'send_email',
      value: account.id,
      userId: 'U0MANAGER',
      view: { type: 'modal', id: 'V0DETAILS' },
      responseUrl: app.slack.responseUrl(),
      container: { type: 'view', view_id: 'V0DETAILS' },
    });
    await sendToBolt(app.slackEventsUrl, click, signed);
    const modal = await until(() => app.slack.callsTo('views.push')[pushed], 'views.push');
    expect((modal.args.view as { callback_id: string }).callback_id).toBe(VIEWS.sendEmail);
  });
});

describe('/winback ab <template>', () => {
  it('shows each variant and the z-test against A', async () => {
    for (const [variant, sent, opened] of [
      ['A', 4, 1],
      ['B', 4, 3],
    ] as const) {
      for (let i = 0; i < sent; i++) {
        const account = await createAccount(app.db);
        const message = await app.db.prisma.emailMessage.create({
          data: {
            accountId: account.id,
            kind: 'winback',
            template: 'winback_price',
            variant,
            idempotencyKey: `ab:${account.id}`,
            toEmail: 'x@example.com',
            subject: 's',
            html: 'h',
            text: 't',
            status: 'sent',
            sentAt: new Date(),
          },
        });
        if (i < opened) {
          await app.db.prisma.emailEvent.create({
            data: {
              messageId: message.id,
              providerEventId: `open-${message.id}`,
              type: 'open',
              occurredAt: new Date(),
              payload: {},
            },
          });
        }
      }
    }
    const responseUrl = app.slack.responseUrl();
    await sendToBolt(
      app.slackEventsUrl,
      slashCommand({ text: 'ab winback_price', user_id: 'U0MANAGER', response_url: responseUrl }),
      signed,
    );
    const [post] = (await until(
      () => (app.slack.postsTo(responseUrl).length ? app.slack.postsTo(responseUrl) : undefined),
      'reply',
    )) as { text: string }[];
    expect(post?.text).toContain('sent 4 · delivered 1 (25.0%) · opened 1 (25.0%)');
    expect(post?.text).toContain('sent 4 · delivered 3 (75.0%) · opened 3 (75.0%)');
    // pooled 0.5, SE 0.3536, z 1.41, p 0.157: four emails each prove nothing.
    expect(post?.text).toContain('opened: z = 1.41, p = 0.157: could be chance');
  });
});
