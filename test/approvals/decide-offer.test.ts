import { beforeAll, describe, expect, it } from 'vitest';
import { replyTo, settle } from '../claims/claim-rig.ts';
import { blocksOf, textsOf } from '../digest/digest-rig.ts';
import {
  APPROVALS,
  click,
  discountValues,
  MANAGER,
  MANAGER_2,
  MANAGER_3,
  MEMBER,
  messagesTo,
  offerOnceSettled,
  openedView,
  proposeThroughModal,
  seedAccount,
  send,
  startOfferApp,
  stateValues,
  submit,
  updatesOf,
  waitFor,
} from '../offers/offer-rig.ts';
import { blockAction } from '../support/slack-requests.ts';
import type { TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startOfferApp();
});

/** An offer of 25% for 3 months proposed by `proposer`, waiting in the approvals channel. */
async function pendingOffer(company: string, proposer = MEMBER) {
  const account = await seedAccount(app, { company });
  const { offer } = await proposeThroughModal(app, account.id, proposer, discountValues('25', '3'));
  return offerOnceSettled(app, offer?.id ?? '');
}

const inApprovals = (actionId: string, value: string, userId: string) =>
  click(app, { actionId, value, userId, channelId: APPROVALS });

const dmsTo = (userId: string) => messagesTo(app, userId);

describe('a manager approves', () => {
  it('approves: a code, one decision, the request updated without buttons, the proposer told, audited', async () => {
    const offer = await pendingOffer('Approved Co');
    const dmsBefore = dmsTo(MEMBER).length;

    const { request } = inApprovals('approve_offer', offer.id, MANAGER);
    await send(app, request);

    const update = await waitFor('the request updated', () => updatesOf(app, offer.approvalTs ?? '')[0]);
    const approved = await app.db.prisma.offer.findUniqueOrThrow({
      where: { id: offer.id },
      include: { decision: true },
    });
    expect(approved).toMatchObject({ status: 'approved', autoApproved: false });
    expect(approved.decision).toMatchObject({ deciderSlackId: MANAGER, decision: 'approved', reason: null });
    expect(approved.code).toMatch(/^WB-/);

    expect(update.args.channel).toBe(APPROVALS);
    expect(textsOf(blocksOf(update)).join('\n')).toContain(`:white_check_mark: Approved by <@${MANAGER}>.`);
    expect(blocksOf(update).some((block) => block.type === 'actions')).toBe(false);

    const dm = await waitFor('the proposer told', () => dmsTo(MEMBER)[dmsBefore]);
    expect(dm.args.text).toContain(`<@${MANAGER}> approved your offer: *25% off for 3 months* for *Approved Co*.`);
    expect(dm.args.text).toContain(`Code \`${approved.code}\``);

    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: offer.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([
      ['offer.proposed', MEMBER],
      ['offer.approval_requested', 'system:approvals'],
      ['offer.approved', MANAGER],
    ]);
  });

  it('refreshes the Home tabs of managers and proposer once decided, the approval gone', async () => {
    const offer = await pendingOffer('Home Co');
    await waitFor(
      'the proposal’s own Home refresh',
      () =>
        app.slack.callsTo('views.publish').some((call) => JSON.stringify(call.args.view).includes('Home Co')) ||
        undefined,
    );
    await settle();
    const publishesBefore = app.slack.callsTo('views.publish').length;

    await send(app, inApprovals('approve_offer', offer.id, MANAGER_2).request);

    const published = await waitFor('the Home tabs published', () => {
      const calls = app.slack.callsTo('views.publish').slice(publishesBefore);
      const users = calls.map((call) => call.args.user_id);
      return [MANAGER, MANAGER_2, MANAGER_3, MEMBER].every((user) => users.includes(user)) ? calls : undefined;
    });
    const managerHome = published.find((call) => call.args.user_id === MANAGER);
    expect(JSON.stringify(managerHome?.args.view)).toContain('Offers waiting for approval');
    expect(JSON.stringify(managerHome?.args.view)).not.toContain('Home Co');
  });
});

describe('from the Home tab', () => {
  it('decides from a button with no response URL, and tells a late clicker in a direct message', async () => {
    const offer = await pendingOffer('Home Button Co');
    const fromHome = (userId: string) =>
      blockAction({
        actionId: 'approve_offer',
        value: offer.id,
        userId,
        responseUrl: '',
        container: { type: 'view', view_id: 'V0HOME0001' },
        view: { id: 'V0HOME0001', type: 'home' },
      });
    await send(app, fromHome(MANAGER));
    await waitFor('the decision', () => updatesOf(app, offer.approvalTs ?? '')[0]);
    const dmsBefore = dmsTo(MANAGER_2).length;

    await send(app, fromHome(MANAGER_2));

    const dm = await waitFor('the late clicker told', () => dmsTo(MANAGER_2)[dmsBefore]);
    expect(dm.args.text).toBe(`Already approved by <@${MANAGER}>.`);
  });
});

describe('who may decide', () => {
  it('refuses a member: only managers decide, and nothing changes', async () => {
    const offer = await pendingOffer('Member Click Co');
    const { responseUrl, request } = inApprovals('approve_offer', offer.id, MEMBER);
    await send(app, request);

    expect((await replyTo(app, responseUrl)).text).toBe('Only managers can approve or reject offers.');
    expect(await app.db.prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: 'pending_approval',
    });
    expect(await app.db.prisma.offerDecision.count({ where: { offerId: offer.id } })).toBe(0);
  });

  it('refuses a manager approving or rejecting an offer they proposed themselves', async () => {
    const offer = await pendingOffer('Own Offer Co', MANAGER);
    const approve = inApprovals('approve_offer', offer.id, MANAGER);
    const reject = inApprovals('reject_offer', offer.id, MANAGER);
    await send(app, approve.request);
    await send(app, reject.request);

    const refusal = 'You proposed this offer, so another manager has to decide it.';
    expect((await replyTo(app, approve.responseUrl)).text).toBe(refusal);
    expect((await replyTo(app, reject.responseUrl)).text).toBe(refusal);
    expect(await app.db.prisma.offerDecision.count({ where: { offerId: offer.id } })).toBe(0);
  });
});

describe('two managers at once', () => {
  it('two approvals and a rejection together: one decision, one message update, the others told who won', async () => {
    const offer = await pendingOffer('Race Co');
    // The rejection goes through its modal first, then is submitted at the same moment as both approvals.
    const opened = app.slack.callsTo('views.open').length;
    await send(app, inApprovals('reject_offer', offer.id, MANAGER_3).request);
    const rejectView = await openedView(app, opened + 1);

    const first = inApprovals('approve_offer', offer.id, MANAGER);
    const second = inApprovals('approve_offer', offer.id, MANAGER_2);
    await Promise.all([
      send(app, first.request),
      send(app, second.request),
      submit(app, {
        callbackId: 'reject_offer_modal',
        userId: MANAGER_3,
        privateMetadata: rejectView.private_metadata,
        values: stateValues({ reason: 'Too generous.' }),
      }),
    ]);
    await waitFor('the request updated', () => updatesOf(app, offer.approvalTs ?? '')[0]);
    await settle(800);

    const decisions = await app.db.prisma.offerDecision.findMany({ where: { offerId: offer.id } });
    expect(decisions).toHaveLength(1);
    expect(updatesOf(app, offer.approvalTs ?? '')).toHaveLength(1);
    const winner = decisions[0]?.deciderSlackId;
    const status = (await app.db.prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).status;
    expect(status).toBe(decisions[0]?.decision);

    const verb = decisions[0]?.decision === 'approved' ? 'approved' : 'rejected';
    for (const loser of [first, second].filter((_, i) => [MANAGER, MANAGER_2][i] !== winner)) {
      expect((await replyTo(app, loser.responseUrl)).text).toBe(`Already ${verb} by <@${winner}>.`);
    }
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: offer.id, action: `offer.${verb}` } });
    expect(audit.map((entry) => entry.actor)).toEqual([winner]);
  });
});

describe('a manager rejects', () => {
  it('asks why in a modal, requires it next to the field, then tells the proposer why', async () => {
    const offer = await pendingOffer('Rejected Co');
    const opened = app.slack.callsTo('views.open').length;
    await send(app, inApprovals('reject_offer', offer.id, MANAGER_2).request);
    const view = await openedView(app, opened + 1);
    expect(view.callback_id).toBe('reject_offer_modal');

    const empty = await submit(app, {
      callbackId: 'reject_offer_modal',
      userId: MANAGER_2,
      privateMetadata: view.private_metadata,
      values: stateValues({ reason: null }),
    });
    expect(JSON.parse(empty.body)).toEqual({
      response_action: 'errors',
      errors: { reason: 'Say why, for the proposer.' },
    });

    const dmsBefore = dmsTo(MEMBER).length;
    const done = await submit(app, {
      callbackId: 'reject_offer_modal',
      userId: MANAGER_2,
      privateMetadata: view.private_metadata,
      values: stateValues({ reason: 'Try 15% first.' }),
    });
    expect(done.body).toBe('');

    const dm = await waitFor('the proposer told', () => dmsTo(MEMBER)[dmsBefore]);
    expect(dm.args.text).toBe(
      `<@${MANAGER_2}> rejected your offer: *25% off for 3 months* for *Rejected Co*.\n>Try 15% first.`,
    );
    const update = await waitFor('the request updated', () => updatesOf(app, offer.approvalTs ?? '')[0]);
    expect(textsOf(blocksOf(update)).join('\n')).toContain(`:x: Rejected by <@${MANAGER_2}>.\n>Try 15% first.`);
    expect(await app.db.prisma.offerDecision.findUnique({ where: { offerId: offer.id } })).toMatchObject({
      decision: 'rejected',
      reason: 'Try 15% first.',
    });
    expect((await app.db.prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).code).toBeNull();
  });
});
