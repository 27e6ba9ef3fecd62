import { beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../digest/digest-rig.ts';
import { appHomeOpened, sendToBolt } from '../support/slack-requests.ts';
import { SIGNING_SECRET, type TestApp } from '../support/test-app.ts';
import {
  clickInDigest,
  type PostedDigest,
  postDigestWithAccount,
  replyTo,
  send,
  settle,
  startClaimApp,
} from './claim-rig.ts';

let app: TestApp;
let digest: PostedDigest;
beforeAll(async () => {
  app = await startClaimApp();
  digest = await postDigestWithAccount(app, 'Retry Industries');
});

const sideEffects = async () => ({
  claims: await app.db.prisma.claim.count({ where: { accountId: digest.accountId } }),
  audit: await app.db.prisma.auditEntry.count({ where: { entityId: digest.accountId } }),
  updates: app.slack.callsTo('chat.update').length,
  publishes: app.slack.callsTo('views.publish').length,
});

describe('Slack redeliveries cause no second side effect', () => {
  it('an Events API event redelivered with X-Slack-Retry-Num is acknowledged and not handled again', async () => {
    const event = appHomeOpened({ userId: 'U0HOMEUSR1', eventId: 'Ev0RETRY0001' });
    const before = app.slack.callsTo('views.publish').length;

    const first = await sendToBolt(app.slackEventsUrl, event, { signingSecret: SIGNING_SECRET });
    expect(first.status).toBe(200);
    await waitFor('the Home tab', () => (app.slack.callsTo('views.publish').length > before ? true : undefined));

    // Slack retries when it thinks the first delivery went unanswered: same body, same event id, a retry header.
    for (const retryNum of [1, 2, 3]) {
      const retry = await sendToBolt(app.slackEventsUrl, event, {
        signingSecret: SIGNING_SECRET,
        retryNum,
        retryReason: 'http_timeout',
      });
      expect(retry.status).toBe(200);
    }
    await settle();
    expect(app.slack.callsTo('views.publish').length).toBe(before + 1);
  });

  it('a Claim click sent twice changes the claim once; the repeat only tells the owner it is theirs', async () => {
    const responseUrl = app.slack.responseUrl();
    const click = clickInDigest(digest, { actionId: 'claim_account', userId: 'U0RETRY001', responseUrl });

    expect((await send(app, click)).status).toBe(200);
    await waitFor('the digest update', async () => ((await sideEffects()).updates > 0 ? true : undefined));
    const afterFirst = await sideEffects();
    expect(afterFirst).toMatchObject({ claims: 1, audit: 1 });

    // Interactivity is never redelivered by Slack, but a double click or a client resend is the same request.
    expect((await send(app, click)).status).toBe(200);
    expect(await replyTo(app, responseUrl)).toMatchObject({
      response_type: 'ephemeral',
      text: 'You already own *Retry Industries*.',
    });
    await settle();
    expect(await sideEffects()).toEqual(afterFirst);
  });

  it('a Claim click carrying X-Slack-Retry-Num is dropped unanswered: no claim, no reply, a 404 after 3 s', async () => {
    const other = await postDigestWithAccount(app, 'Header Holdings', 'C0CLAIMS02');
    const responseUrl = app.slack.responseUrl();
    const click = clickInDigest(other, {
      actionId: 'claim_account',
      userId: 'U0RETRY002',
      responseUrl,
      channelId: 'C0CLAIMS02',
    });
    const updates = app.slack.callsTo('chat.update').length;

    // Slack never sends this header with an action; the app's retry filter runs before any listener acks.
    const started = Date.now();
    const answer = await sendToBolt(app.slackEventsUrl, click, { signingSecret: SIGNING_SECRET, retryNum: 1 });
    expect(answer.status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);

    await settle();
    expect(await app.db.prisma.claim.count({ where: { accountId: other.accountId } })).toBe(0);
    expect(app.slack.postsTo(responseUrl)).toEqual([]);
    expect(app.slack.callsTo('chat.update').length).toBe(updates);
  });
});
