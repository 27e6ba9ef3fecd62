import { beforeAll, describe, expect, it } from 'vitest';
import { replyTo, settle } from '../claims/claim-rig.ts';
import { slashCommand } from '../support/slack-requests.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  click,
  MANAGER,
  MEMBER,
  offerOnceSettled,
  openedView,
  proposeThroughModal,
  seedAccount,
  send,
  startOfferApp,
  stateValues,
  submit,
  waitFor,
} from './offer-rig.ts';

// A channel-wide ping, a mention and an ampersand: in mrkdwn each must arrive as its escaped entities.
const HOSTILE = '<!channel> <@U1> R&D';
const ESCAPED = '&lt;!channel&gt; &lt;@U1&gt; R&amp;D';
const RAW = ['<!channel>', '<@U1>', 'R&D'];

let app: TestApp;
beforeAll(async () => {
  app = await startOfferApp();
});

/** Every message the app sent or answered with: posts, updates and replies on response URLs. */
function everyMessage(): string[] {
  const calls = [...app.slack.callsTo('chat.postMessage'), ...app.slack.callsTo('chat.update')];
  return [
    ...calls.map((call) => JSON.stringify(call.args)),
    ...app.slack.responsePosts.map((post) => JSON.stringify(post.body)),
  ];
}

async function rejectWithReason(offerId: string, reason: string) {
  const opened = app.slack.callsTo('views.open').length;
  await send(app, click(app, { actionId: 'reject_offer', value: offerId, userId: MANAGER }).request);
  const view = await openedView(app, opened + 1);
  await submit(app, {
    callbackId: 'reject_offer_modal',
    userId: MANAGER,
    privateMetadata: view.private_metadata,
    values: stateValues({ reason }),
  });
}

describe('customer and user text in every message', () => {
  it(`escapes ${HOSTILE} from every free-text field, in every message`, async () => {
    const thread = { threadChannelId: 'C0HOSTILE1', threadTs: '1700000000.000200' };
    const account = await seedAccount(app, { company: HOSTILE, ...thread });

    // Feedback: details, competitor and requested feature, noted in the account's thread.
    const opened = app.slack.callsTo('views.open').length;
    const feedbackClick = click(app, { actionId: 'log_feedback', value: account.id, userId: MEMBER });
    await send(app, feedbackClick.request);
    const feedbackView = await openedView(app, opened + 1);
    await submit(app, {
      callbackId: 'log_feedback_modal',
      userId: MEMBER,
      privateMetadata: feedbackView.private_metadata,
      values: stateValues({
        reason: { option: 'competitor' },
        details: HOSTILE,
        competitor: HOSTILE,
        requestedFeature: HOSTILE,
        source: { option: 'chat' },
      }),
    });
    await replyTo(app, feedbackClick.responseUrl);

    // An offer needing a manager (a lower tier), with a hostile plan and note, rejected with a hostile reason.
    const lowerTier = stateValues({
      type: { option: 'lower_tier' },
      targetPlan: HOSTILE,
      targetMrrMinor: '80.00',
      note: HOSTILE,
    });
    const first = await proposeThroughModal(app, account.id, MEMBER, lowerTier);
    const pending = await offerOnceSettled(app, first.offer?.id ?? '');
    await rejectWithReason(pending.id, HOSTILE);
    await waitFor('the rejection', async () => {
      const offer = await app.db.prisma.offer.findUniqueOrThrow({ where: { id: pending.id } });
      return offer.status === 'rejected' ? offer : undefined;
    });

    // Then the same, approved: the approval update, the proposer's message and the thread note.
    const second = await proposeThroughModal(app, account.id, MEMBER, lowerTier);
    const again = await offerOnceSettled(app, second.offer?.id ?? '');
    await send(app, click(app, { actionId: 'approve_offer', value: again.id, userId: MANAGER }).request);
    await waitFor('the approval noted in the thread', () =>
      app.slack
        .callsTo('chat.postMessage')
        .some((call) => call.args.channel === thread.threadChannelId && String(call.args.text).includes('offered'))
        ? true
        : undefined,
    );

    // Beta access, approved automatically, naming a hostile feature, on a second account.
    const other = await seedAccount(app, { company: HOSTILE });
    const beta = await proposeThroughModal(
      app,
      other.id,
      MEMBER,
      stateValues({ type: { option: 'beta_access' }, feature: HOSTILE, note: HOSTILE }),
    );
    expect(beta.offer?.status).toBe('approved');

    // The reasons report names the competitor and the feature.
    const reasonsUrl = app.slack.responseUrl();
    await send(app, slashCommand({ text: 'reasons', user_id: MEMBER, response_url: reasonsUrl }));
    await replyTo(app, reasonsUrl);
    await settle(600);

    const messages = everyMessage();
    for (const raw of RAW) {
      expect(
        messages.filter((message) => message.includes(raw)),
        `raw ${raw}`,
      ).toEqual([]);
    }
    // Feedback note, reply; approval request, rejection, approval; DMs; thread notes; auto-approval; reasons report.
    expect(messages.filter((message) => message.includes(ESCAPED)).length).toBeGreaterThanOrEqual(10);
  });
});
