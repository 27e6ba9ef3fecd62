import { beforeAll, describe, expect, it } from 'vitest';
import { blocksOf, waitFor } from '../digest/digest-rig.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  CHANNEL,
  clickInDigest,
  type PostedDigest,
  postDigestWithAccount,
  send,
  settle,
  startClaimApp,
} from './claim-rig.ts';

let app: TestApp;
let digest: PostedDigest;
beforeAll(async () => {
  app = await startClaimApp();
  digest = await postDigestWithAccount(app, 'Acme Rockets');
});

const CLICKS = 50;

describe('Claim clicked by many people at once', () => {
  it(`${CLICKS} users click Claim on one account together: one owner, ${CLICKS - 1} told who, one digest update`, async () => {
    const users = Array.from({ length: CLICKS }, (_, i) => `U0CLAIM${String(i).padStart(3, '0')}`);
    const responseUrls = users.map(() => app.slack.responseUrl());
    const updatesBefore = app.slack.callsTo('chat.update').length;

    const answers = await Promise.all(
      users.map((userId, i) =>
        send(app, clickInDigest(digest, { actionId: 'claim_account', userId, responseUrl: responseUrls[i] ?? '' })),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(CLICKS).fill(200));

    await waitFor(
      'every loser told and the digest updated',
      () =>
        responseUrls.filter((url) => app.slack.postsTo(url).length > 0).length === CLICKS - 1 &&
        app.slack.callsTo('chat.update').length > updatesBefore
          ? true
          : undefined,
      20_000,
    );
    await settle();

    const claims = await app.db.prisma.claim.findMany({ where: { accountId: digest.accountId } });
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim).toMatchObject({ activeAccountId: digest.accountId, releasedAt: null });
    const owner = claim?.ownerSlackId ?? '';
    expect(users).toContain(owner);
    expect(claim?.claimedBySlackId).toBe(owner);
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: digest.accountId } });
    expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([['claim.claimed', owner]]);

    // The owner hears nothing; everyone else hears who got there first, only them, once.
    users.forEach((userId, i) => {
      const posts = app.slack.postsTo(responseUrls[i] ?? '');
      if (userId === owner) {
        expect(posts).toEqual([]);
        return;
      }
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({
        response_type: 'ephemeral',
        replace_original: false,
        text: `*Acme Rockets* is already claimed by <@${owner}>.`,
      });
    });

    const updates = app.slack.callsTo('chat.update').slice(updatesBefore);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args).toMatchObject({ channel: CHANNEL, ts: digest.messageTs });
    expect(updates[0]?.response.ok).toBe(true);
    const blocks = JSON.stringify(blocksOf(updates[0]));
    expect(blocks).toContain(`Owner: <@${owner}>`);
    expect(blocks).toContain('"action_id":"release_account"');
    expect(blocks).not.toContain('"action_id":"claim_account"');
  });
});
