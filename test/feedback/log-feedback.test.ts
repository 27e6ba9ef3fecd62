import { beforeAll, describe, expect, it } from 'vitest';
import { postDigestWithAccount, replyTo } from '../claims/claim-rig.ts';
import { blocksOf, textsOf } from '../digest/digest-rig.ts';
import {
  click,
  MEMBER,
  messagesTo,
  openedView,
  seedAccount,
  send,
  startOfferApp,
  stateValues,
  submit,
  waitFor,
} from '../offers/offer-rig.ts';
import { blockAction, slashCommand } from '../support/slack-requests.ts';
import type { TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startOfferApp();
});

const THREAD = { threadChannelId: 'C0ACCOUNTS', threadTs: '1700000000.000100' };

/** Opens the feedback modal from a Log feedback button; returns its metadata and the click's response URL. */
async function openFeedbackModal(accountId: string) {
  const opened = app.slack.callsTo('views.open').length;
  const { responseUrl, request } = click(app, { actionId: 'log_feedback', value: accountId, userId: MEMBER });
  await send(app, request);
  const view = await openedView(app, opened + 1);
  return { view, responseUrl };
}

const submitFeedback = (privateMetadata: string, values: Record<string, string | { option: string } | null>) =>
  submit(app, { callbackId: 'log_feedback_modal', userId: MEMBER, privateMetadata, values: stateValues(values) });

describe('the feedback modal', () => {
  it('opens from `/winback feedback <account>`, found the way /winback account finds it', async () => {
    const account = await seedAccount(app, { company: 'Commanded Feedback Inc', churnReason: 'support' });
    const opened = app.slack.callsTo('views.open').length;

    await send(
      app,
      slashCommand({ text: 'feedback commanded feedback', user_id: MEMBER, response_url: app.slack.responseUrl() }),
    );

    const view = await openedView(app, opened + 1);
    expect(view.callback_id).toBe('log_feedback_modal');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ accountId: account.id });
    expect(view.blocks.map((block) => block.block_id ?? block.type)).toEqual([
      'section',
      'reason',
      'details',
      'competitor',
      'requestedFeature',
      'source',
      'openToReturn',
    ]);
    expect(view.blocks[1]).toMatchObject({ element: { initial_option: { value: 'support' } } });
  });

  it('opens on top of the account card when clicked inside it (views.push)', async () => {
    const account = await seedAccount(app, { company: 'Card Co' });
    const pushed = app.slack.callsTo('views.push').length;
    const request = blockAction({
      actionId: 'log_feedback',
      value: account.id,
      userId: MEMBER,
      triggerId: 'trigger-card',
      // A button in a modal comes with no response_url.
      responseUrl: '',
      container: { type: 'view', view_id: 'V0CARD0001' },
      view: { id: 'V0CARD0001', type: 'modal' },
    });
    await send(app, request);

    const push = await waitFor('the modal pushed', () => app.slack.callsTo('views.push')[pushed]);
    expect(push.args).toMatchObject({ trigger_id: 'trigger-card', view: { callback_id: 'log_feedback_modal' } });
    // Opened from a modal there is no response URL to answer on later.
    expect(JSON.parse((push.args.view as { private_metadata: string }).private_metadata)).toEqual({
      accountId: account.id,
    });
  });

  it('says when `/winback feedback` names no account', async () => {
    const responseUrl = app.slack.responseUrl();
    await send(app, slashCommand({ text: 'feedback nobody-like-this', user_id: MEMBER, response_url: responseUrl }));
    expect((await replyTo(app, responseUrl)).text).toBe(
      'No account matches `nobody-like-this`. Try part of the company name, an email or a billing id.',
    );
  });

  it('shows every problem next to its field (exact errors body), and saves nothing', async () => {
    const account = await seedAccount(app, { company: 'Invalid Feedback Co' });
    const { view } = await openFeedbackModal(account.id);

    const competitor = await submitFeedback(view.private_metadata, {
      reason: { option: 'competitor' },
      competitor: '  ',
    });
    expect(JSON.parse(competitor.body)).toEqual({
      response_action: 'errors',
      errors: { competitor: 'Name the competitor they moved to.', source: 'Choose where you heard it.' },
    });

    const feature = await submitFeedback(view.private_metadata, {
      reason: { option: 'missing_feature' },
      source: { option: 'call' },
    });
    expect(JSON.parse(feature.body)).toEqual({
      response_action: 'errors',
      errors: { requestedFeature: 'Say which feature they missed.' },
    });
    expect(await app.db.prisma.feedback.count({ where: { accountId: account.id } })).toBe(0);
  });
});

describe('logging feedback', () => {
  it('stores it with author and time, makes it the churn reason (audited), notes it in the thread', async () => {
    const account = await seedAccount(app, { company: 'Logged Co', churnReason: 'price', ...THREAD });
    const { view, responseUrl } = await openFeedbackModal(account.id);
    const before = Date.now();

    const answer = await submitFeedback(view.private_metadata, {
      reason: { option: 'competitor' },
      details: 'Moved for the\nintegrations.',
      competitor: 'Rival',
      requestedFeature: null,
      source: { option: 'call' },
      openToReturn: { option: 'yes' },
    });
    expect(answer).toEqual({ status: 200, body: '' });

    const reply = await replyTo(app, responseUrl);
    expect(reply.text).toBe(
      'Feedback on *Logged Co* saved; its churn reason is now *moved to a competitor*. ' +
        'A note is in the account’s thread.',
    );
    const [feedback] = await app.db.prisma.feedback.findMany({ where: { accountId: account.id } });
    expect(feedback).toMatchObject({
      authorSlackId: MEMBER,
      reason: 'competitor',
      details: 'Moved for the\nintegrations.',
      competitor: 'Rival',
      requestedFeature: null,
      source: 'call',
      openToReturn: true,
    });
    expect(feedback?.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await app.db.prisma.account.findUniqueOrThrow({ where: { id: account.id } })).toMatchObject({
      churnReason: 'competitor',
      churnReasonText: 'Moved for the\nintegrations.',
    });
    const [audit] = await app.db.prisma.auditEntry.findMany({
      where: { entityId: account.id, action: 'feedback.logged' },
    });
    expect(audit).toMatchObject({
      actor: MEMBER,
      before: { churnReason: 'price', churnReasonText: null },
      after: { churnReason: 'competitor', feedbackId: feedback?.id },
    });

    const [note] = messagesTo(app, THREAD.threadChannelId);
    expect(note?.args.thread_ts).toBe(THREAD.threadTs);
    expect(textsOf(blocksOf(note))).toEqual([
      `<@${MEMBER}> logged feedback: *moved to a competitor* · from a call · open to coming back · went to Rival\n` +
        '>Moved for the\n>integrations.',
    ]);
  });

  it('notes it in the thread of the digest that showed the account when it has no thread of its own', async () => {
    const digest = await postDigestWithAccount(app, 'Digest Thread Co', 'C0DIGESTFB');
    const posted = messagesTo(app, 'C0DIGESTFB')[0];
    const actions = blocksOf(posted).find((block) => block.block_id === `digest:churned:${digest.accountId}:actions`);
    const buttons = actions?.type === 'actions' ? actions.elements : [];
    expect(buttons.map((button) => 'action_id' in button && button.action_id)).toEqual([
      'claim_account',
      'account_details',
      'log_feedback',
      'propose_offer',
    ]);
    const { view } = await openFeedbackModal(digest.accountId);

    await submitFeedback(view.private_metadata, { reason: { option: 'unused' }, source: { option: 'survey' } });

    const note = await waitFor('the note', () => messagesTo(app, 'C0DIGESTFB').find((call) => call.args.thread_ts));
    expect(note.args.thread_ts).toBe(digest.messageTs);
    expect(note.args.text).toBe(
      `<@${MEMBER}> logged feedback: *not used* · from a survey · open to coming back: not said`,
    );
  });

  it('posts no note, and says so, for an account with no thread and in no digest', async () => {
    const account = await seedAccount(app, { company: 'Threadless Co' });
    const { view, responseUrl } = await openFeedbackModal(account.id);
    const posts = app.slack.callsTo('chat.postMessage').length;

    await submitFeedback(view.private_metadata, { reason: { option: 'support' }, source: { option: 'email' } });

    expect((await replyTo(app, responseUrl)).text).toBe(
      'Feedback on *Threadless Co* saved; its churn reason is now *support / onboarding*. ' +
        'The account has no thread yet (it was in no digest), so no note was posted.',
    );
    expect(app.slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });
});
