import { beforeAll, describe, expect, it } from 'vitest';
import { blocksOf, waitFor } from '../digest/digest-rig.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  CHANNEL,
  clickInDigest,
  MANAGER,
  type PostedDigest,
  postDigestWithAccount,
  replyTo,
  send,
  settle,
  startClaimApp,
} from './claim-rig.ts';

const OWNER = 'U0OWNER001';
const OTHER = 'U0OTHER001';
const NEW_OWNER = 'U0NEWOWN01';

let app: TestApp;
let digest: PostedDigest;
beforeAll(async () => {
  app = await startClaimApp();
  digest = await postDigestWithAccount(app, 'Wonka Industries');
});

/** "Reassign to…" in the manager's ephemeral message: a users_select in block manage_claim:<accountId>. */
function reassignTo(selectedUser: string, userId: string, responseUrl: string) {
  const request = clickInDigest(digest, { actionId: 'reassign_account', userId, responseUrl });
  const payload = JSON.parse(decodeURIComponent(request.body.slice('payload='.length)));
  payload.actions = [
    {
      type: 'users_select',
      action_id: 'reassign_account',
      block_id: `manage_claim:${digest.accountId}`,
      selected_user: selectedUser,
      action_ts: '1700000000.000001',
    },
  ];
  payload.container = { type: 'message', message_ts: '1700000001.000001', channel_id: CHANNEL, is_ephemeral: true };
  return { ...request, body: `payload=${encodeURIComponent(JSON.stringify(payload))}` };
}

const activeClaim = () => app.db.prisma.claim.findUnique({ where: { activeAccountId: digest.accountId } });
const audit = async () =>
  (await app.db.prisma.auditEntry.findMany({ where: { entityId: digest.accountId }, orderBy: { id: 'asc' } })).map(
    (entry) => ({ action: entry.action, actor: entry.actor, before: entry.before, after: entry.after }),
  );

async function click(actionId: string, userId: string) {
  const responseUrl = app.slack.responseUrl();
  expect((await send(app, clickInDigest(digest, { actionId, userId, responseUrl }))).status).toBe(200);
  return replyTo(app, responseUrl);
}

async function lastUpdateAfter(count: number) {
  return waitFor('the digest update', () => app.slack.callsTo('chat.update')[count]);
}

describe('who may release and reassign a claim', () => {
  it('the owner claims; someone else who is not a manager cannot release it or reassign it', async () => {
    const ownerUrl = app.slack.responseUrl();
    await send(app, clickInDigest(digest, { actionId: 'claim_account', userId: OWNER, responseUrl: ownerUrl }));
    await lastUpdateAfter(0);
    const claim = await activeClaim();
    expect(claim?.ownerSlackId).toBe(OWNER);
    const auditBefore = await audit();
    const updates = app.slack.callsTo('chat.update').length;

    expect(await click('release_account', OTHER)).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: `Only <@${OWNER}> or a manager can release this account.`,
    });
    const reassignUrl = app.slack.responseUrl();
    await send(app, reassignTo(OTHER, OTHER, reassignUrl));
    expect(await replyTo(app, reassignUrl)).toMatchObject({ text: 'Only managers can reassign accounts.' });

    await settle();
    expect(await activeClaim()).toEqual(claim);
    expect(await audit()).toEqual(auditBefore);
    expect(app.slack.callsTo('chat.update').length).toBe(updates);
  });

  it('a manager clicking Claim on a claimed account is offered Release and Reassign to…', async () => {
    const reply = await click('claim_account', MANAGER);
    expect(reply.text).toBe(`*Wonka Industries* is already claimed by <@${OWNER}>.`);
    const manage = reply.blocks?.find((block) => block.block_id === `manage_claim:${digest.accountId}`);
    expect(manage?.elements?.map((element) => [element.type, element.action_id])).toEqual([
      ['button', 'release_account'],
      ['users_select', 'reassign_account'],
    ]);
    // Someone who is not a manager only learns who owns it.
    const plain = await click('claim_account', OTHER);
    expect(plain.blocks?.map((block) => block.type)).toEqual(['section']);
  });

  it('a manager reassigns: the old claim ends, the new owner holds it, each step audited as the manager', async () => {
    const updates = app.slack.callsTo('chat.update').length;
    const previous = await activeClaim();
    const responseUrl = app.slack.responseUrl();
    await send(app, reassignTo(NEW_OWNER, MANAGER, responseUrl));

    expect(await replyTo(app, responseUrl)).toMatchObject({
      response_type: 'ephemeral',
      text: `Reassigned to <@${NEW_OWNER}>.`,
    });
    const claims = await app.db.prisma.claim.findMany({
      where: { accountId: digest.accountId },
      orderBy: { claimedAt: 'asc' },
    });
    expect(claims.map((claim) => [claim.ownerSlackId, claim.activeAccountId, claim.releasedBySlackId])).toEqual([
      [OWNER, null, MANAGER],
      [NEW_OWNER, digest.accountId, null],
    ]);
    expect(claims[1]?.claimedBySlackId).toBe(MANAGER);
    expect((await audit()).slice(1)).toEqual([
      { action: 'claim.released', actor: MANAGER, before: { ownerSlackId: OWNER }, after: null },
      {
        action: 'claim.claimed',
        actor: MANAGER,
        before: null,
        after: { claimId: claims[1]?.id, ownerSlackId: NEW_OWNER },
      },
      {
        action: 'claim.reassigned',
        actor: MANAGER,
        before: { ownerSlackId: OWNER },
        after: { ownerSlackId: NEW_OWNER },
      },
    ]);
    expect(previous?.id).toBe(claims[0]?.id);

    const update = await lastUpdateAfter(updates);
    expect(update.args).toMatchObject({ channel: CHANNEL, ts: digest.messageTs });
    expect(JSON.stringify(blocksOf(update))).toContain(`Owner: <@${NEW_OWNER}>`);
  });

  it('a manager releases someone else’s claim: it ends, audited, and the digest offers Claim again', async () => {
    const updates = app.slack.callsTo('chat.update').length;
    const auditBefore = await audit();

    expect(await click('release_account', MANAGER)).toMatchObject({ text: 'Released: anyone can claim it now.' });

    expect(await activeClaim()).toBeNull();
    const released = await app.db.prisma.claim.findFirst({
      where: { accountId: digest.accountId, ownerSlackId: NEW_OWNER },
    });
    expect(released).toMatchObject({ activeAccountId: null, releasedBySlackId: MANAGER });
    expect(released?.releasedAt).toBeInstanceOf(Date);
    expect((await audit()).slice(auditBefore.length)).toEqual([
      { action: 'claim.released', actor: MANAGER, before: { ownerSlackId: NEW_OWNER }, after: null },
    ]);
    const blocks = JSON.stringify(blocksOf(await lastUpdateAfter(updates)));
    expect(blocks).toContain('Unclaimed');
    expect(blocks).toContain('"action_id":"claim_account"');

    // Released twice: nothing left to release, nothing audited.
    expect(await click('release_account', MANAGER)).toMatchObject({ text: 'Nobody owns that account now.' });
    expect(await audit()).toHaveLength(auditBefore.length + 1);
  });

  it('the owner may release their own claim without being a manager', async () => {
    // A successful claim has no reply: the digest update says it.
    const responseUrl = app.slack.responseUrl();
    await send(app, clickInDigest(digest, { actionId: 'claim_account', userId: OTHER, responseUrl }));
    const mine = await waitFor('the claim', async () => (await activeClaim()) ?? undefined);
    expect(mine.ownerSlackId).toBe(OTHER);

    expect(await click('release_account', OTHER)).toMatchObject({ text: 'Released: anyone can claim it now.' });
    expect(await activeClaim()).toBeNull();
    expect((await audit()).at(-1)).toMatchObject({ action: 'claim.released', actor: OTHER });
  });
});
