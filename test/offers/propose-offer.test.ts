import type { KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { replyTo } from '../claims/claim-rig.ts';
import { blocksOf, textsOf } from '../digest/digest-rig.ts';
import { blockAction } from '../support/slack-requests.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  APPROVALS,
  click,
  discountValues,
  MANAGER,
  MEMBER,
  messagesTo,
  offerOnceSettled,
  openOfferModal,
  proposeThroughModal,
  seedAccount,
  send,
  startOfferApp,
  stateValues,
  submit,
  updatesOf,
  waitFor,
} from './offer-rig.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startOfferApp();
});

const inputIds = (blocks: KnownBlock[]) =>
  blocks.flatMap((block) => (block.type === 'input' && block.block_id ? [block.block_id] : []));
const costBlock = (blocks: KnownBlock[]) =>
  blocks.find((block) => block.block_id === 'cost') as { text: { text: string } };

describe('the offer modal', () => {
  it('opens prefilled from the playbook for the churn reason, with its cost against CLV and the verdict', async () => {
    const account = await seedAccount(app, { company: 'Prefill Co' });
    const view = await openOfferModal(app, account.id, MEMBER);

    expect(view.callback_id).toBe('propose_offer_modal');
    expect(inputIds(view.blocks)).toEqual(['type', 'percentOff', 'durationMonths', 'note']);
    expect(view.blocks[2]).toMatchObject({ element: { initial_option: { value: 'percent_discount' } } });
    expect(view.blocks[3]).toMatchObject({ element: { initial_value: '25' } });
    expect(view.blocks[4]).toMatchObject({ element: { initial_value: '3' } });
    // 25% × $100.00 × 3 months = $75.00: 3% of the $2,400.00 CLV, 6% of the $1,200.00 expected back.
    expect(costBlock(view.blocks).text.text).toBe(
      'Cost *$75.00* · CLV $2,400.00 (3%) · expected back $1,200.00 (6%)\n' +
        ':raising_hand: *Needs a manager:* 25% off is above the 15% off approved automatically.',
    );
  });

  it('rebuilds itself with the fields and cost of another type chosen in it', async () => {
    const account = await seedAccount(app, { company: 'Switch Co' });
    const view = await openOfferModal(app, account.id, MEMBER);
    const metadata = view.private_metadata;
    const updatesBefore = app.slack.callsTo('views.update').length;

    const request = blockAction({
      actionId: 'offer_field',
      blockId: 'type',
      userId: MEMBER,
      // A change inside a modal comes with no response_url.
      responseUrl: '',
      view: {
        id: 'V0OFFER01',
        type: 'modal',
        private_metadata: metadata,
        state: { values: stateValues({ type: { option: 'session' }, percentOff: '25', durationMonths: '3' }) },
      },
    });
    await send(app, request);

    const update = await waitFor('the modal updated', () => app.slack.callsTo('views.update')[updatesBefore]);
    const updated = update.args.view as { blocks: KnownBlock[] };
    expect(update.args.view_id).toBe('V0OFFER01');
    expect(inputIds(updated.blocks)).toEqual(['type', 'sessionMinutes', 'note']);
    // The playbook has no session for price: 60 minutes by default, at $150.00 an hour.
    expect(costBlock(updated.blocks).text.text).toContain('Cost *$150.00*');
    expect(costBlock(updated.blocks).text.text).toContain('Approved automatically when you propose it.');
  });
});

describe('proposing an offer', () => {
  it('shows a field that does not read, and a limit passed, next to the field (exact errors body)', async () => {
    const account = await seedAccount(app, { company: 'Errors Co' });
    const view = await openOfferModal(app, account.id, MEMBER);

    const unreadable = await submit(app, {
      callbackId: 'propose_offer_modal',
      userId: MEMBER,
      privateMetadata: view.private_metadata,
      values: discountValues('0', ''),
    });
    expect(JSON.parse(unreadable.body)).toEqual({
      response_action: 'errors',
      errors: { percentOff: 'Enter the percent off from 1 to 100.', durationMonths: 'Enter the months.' },
    });

    const tooMuch = await submit(app, {
      callbackId: 'propose_offer_modal',
      userId: MEMBER,
      privateMetadata: view.private_metadata,
      values: discountValues('60', '7'),
    });
    expect(JSON.parse(tooMuch.body)).toEqual({
      response_action: 'errors',
      errors: {
        percentOff: 'At most 50% off: the largest anyone may offer.',
        durationMonths: 'At most 6 months: the largest anyone may offer.',
      },
    });
    expect(await app.db.prisma.offer.count({ where: { accountId: account.id } })).toBe(0);
  });

  it('refuses an offer costing more than 25% of what is expected back, with the numbers', async () => {
    const account = await seedAccount(app, { company: 'Costly Co' });
    // A 60-day trial of a $325.00 tier: ($325.00 − $100.00) × 60 ÷ 30 = $450.00, 37.5% of $1,200.00.
    const values = stateValues({
      type: { option: 'extended_trial' },
      targetPlan: 'Pro',
      targetMrrMinor: '325.00',
      trialDays: '60',
    });
    const { answer, offer } = await proposeThroughModal(app, account.id, MEMBER, values);

    expect(JSON.parse(answer.body)).toEqual({
      response_action: 'errors',
      errors: { trialDays: 'Costs $450.00, 38% of the $1,200.00 expected back; the limit is 25%.' },
    });
    expect(offer).toBeNull();
  });

  it('approves an offer within the auto-approval rule at once, with a single-use code, audited', async () => {
    const account = await seedAccount(app, { company: 'Auto Co' });
    const before = app.slack.callsTo('views.open').length;
    const { responseUrl, request } = click(app, { actionId: 'propose_offer', value: account.id, userId: MEMBER });
    await send(app, request);
    const view = (await waitFor('modal', () => app.slack.callsTo('views.open')[before])).args.view as {
      private_metadata: string;
    };

    const answer = await submit(app, {
      callbackId: 'propose_offer_modal',
      userId: MEMBER,
      privateMetadata: view.private_metadata,
      values: discountValues('15', '3'),
    });
    expect(answer).toEqual({ status: 200, body: '' });

    const offer = await app.db.prisma.offer.findFirstOrThrow({ where: { accountId: account.id } });
    expect(offer).toMatchObject({
      status: 'approved',
      autoApproved: true,
      type: 'percent_discount',
      percentOff: 15,
      durationMonths: 3,
      costMinor: 45_00n,
      clvMinor: 2_400_00n,
      expectedBackMinor: 1_200_00n,
      currency: 'USD',
      proposerSlackId: MEMBER,
      approvalChannelId: null,
    });
    expect(offer.code).toMatch(/^WB-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const validDays = ((offer.codeExpiresAt?.getTime() ?? 0) - offer.createdAt.getTime()) / 86_400_000;
    expect(Math.round(validDays)).toBe(30);

    const reply = await replyTo(app, responseUrl);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.text).toContain('Approved automatically: *15% off for 3 months* for *Auto Co*.');
    expect(reply.text).toContain(`Code \`${offer.code}\``);
    expect(messagesTo(app, APPROVALS).filter((call) => JSON.stringify(call.args).includes(offer.id))).toEqual([]);

    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: offer.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([
      ['offer.proposed', MEMBER],
      ['offer.approved', 'system:guardrails'],
    ]);
  });

  it('posts an offer that needs a manager to the approvals channel with everything a manager needs', async () => {
    const account = await seedAccount(app, { company: 'Needs Sign-off Co' });
    const { answer, offer } = await proposeThroughModal(app, account.id, MEMBER, discountValues('25', '3'));
    expect(answer.body).toBe('');

    const pending = await offerOnceSettled(app, offer?.id ?? '');
    expect(pending).toMatchObject({ status: 'pending_approval', approvalChannelId: APPROVALS, code: null });
    const hours = ((pending.approvalExpiresAt?.getTime() ?? 0) - pending.createdAt.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(48);

    const request = messagesTo(app, APPROVALS).find((call) => call.response.ts === pending.approvalTs);
    const texts = textsOf(blocksOf(request)).join('\n');
    expect(texts).toContain(`<@${MEMBER}> proposes *25% off for 3 months* to *Needs Sign-off Co*`);
    expect(texts).toContain('Churn reason: price · Cost *$75.00* · CLV $2,400.00 (3%) · expected back $1,200.00 (6%)');
    expect(texts).toContain('Needs a manager: 25% off is above the 15% off approved automatically.');
    const buttons = blocksOf(request).flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons).toEqual([
      expect.objectContaining({ action_id: 'approve_offer', value: pending.id }),
      expect.objectContaining({ action_id: 'reject_offer', value: pending.id }),
    ]);
  });

  it('keeps no offer Slack would not post for approval, and says why and what to do', async () => {
    const account = await seedAccount(app, { company: 'Unposted Co' });
    const view = await openOfferModal(app, account.id, MEMBER);
    app.slack.respondNext('chat.postMessage', 'not_in_channel');
    const responseUrl = JSON.parse(view.private_metadata).responseUrl as string;

    await submit(app, {
      callbackId: 'propose_offer_modal',
      userId: MEMBER,
      privateMetadata: view.private_metadata,
      values: discountValues('25', '3'),
    });

    expect((await replyTo(app, responseUrl)).text).toBe(
      `The offer could not be posted for approval in <#${APPROVALS}> (Slack said: not_in_channel), so it was not ` +
        'kept. Ask an admin to invite the app to that channel, then propose it again.',
    );
    const offer = await app.db.prisma.offer.findFirstOrThrow({ where: { accountId: account.id } });
    expect(offer.status).toBe('expired');
  });
});

describe('an offer for an account worth more than 2^31 minor units', () => {
  it('stores its cost, CLV and expected return and shows them to the manager (₩2,147,483,647 a month)', async () => {
    const account = await seedAccount(app, {
      company: 'Hanbit Logistics',
      currency: 'KRW',
      mrrMinor: 2_147_483_647,
      lostMrrMinor: 2_147_483_647,
      clvMinor: 262_263_671_015,
    });

    const { answer, offer } = await proposeThroughModal(app, account.id, MEMBER, discountValues('25', '6'));

    expect(answer.body).toBe('');
    const pending = await offerOnceSettled(app, offer?.id ?? '');
    expect(pending).toMatchObject({ costMinor: 3_221_225_471n, clvMinor: 262_263_671_015n });
    expect(Number(pending.expectedBackMinor)).toBeGreaterThan(2 ** 31);
    const request = messagesTo(app, APPROVALS).find((call) => call.response.ts === pending.approvalTs);
    expect(textsOf(blocksOf(request)).join('\n')).toContain('Cost *₩3,221,225,471* · CLV ₩262,263,671,015');
  });
});

describe('one offer at a time', () => {
  it('refuses a second offer while one is in play, and says a manager can replace it', async () => {
    const account = await seedAccount(app, { company: 'Stacked Co' });
    const first = await proposeThroughModal(app, account.id, MEMBER, discountValues('25', '3'));
    await offerOnceSettled(app, first.offer?.id ?? '');
    const opens = app.slack.callsTo('views.open').length;

    const { responseUrl, request } = click(app, { actionId: 'propose_offer', value: account.id, userId: MEMBER });
    await send(app, request);

    const reply = await replyTo(app, responseUrl);
    expect(reply.text).toBe(
      '*Stacked Co*: This account already has an offer in play (25% off for 3 months, waiting for approval). ' +
        'One offer at a time: a manager can replace it.',
    );
    expect(app.slack.callsTo('views.open')).toHaveLength(opens);
  });

  it('records one offer when two people propose for the same account at once; the other is told why', async () => {
    const account = await seedAccount(app, { company: 'Simultaneous Co' });
    const views = [await openOfferModal(app, account.id, MEMBER), await openOfferModal(app, account.id, 'U0MEMBER2')];

    const answers = await Promise.all(
      views.map((view, i) =>
        submit(app, {
          callbackId: 'propose_offer_modal',
          userId: i === 0 ? MEMBER : 'U0MEMBER2',
          privateMetadata: view.private_metadata,
          values: discountValues('10', '2'),
        }),
      ),
    );

    expect(await app.db.prisma.offer.count({ where: { accountId: account.id } })).toBe(1);
    const refusals = answers.filter((answer) => answer.body !== '').map((answer) => JSON.parse(answer.body));
    expect(refusals).toEqual([
      {
        response_action: 'errors',
        errors: {
          type:
            'This account already has an offer in play (10% off for 2 months, approved, not sent yet). ' +
            'One offer at a time: a manager can replace it.',
        },
      },
    ]);
  });

  it('lets a manager replace the offer in play once they tick the box; the old one becomes replaced', async () => {
    const account = await seedAccount(app, { company: 'Replaced Co' });
    const first = await proposeThroughModal(app, account.id, MEMBER, discountValues('25', '3'));
    const old = await offerOnceSettled(app, first.offer?.id ?? '');

    const view = await openOfferModal(app, account.id, MANAGER);
    expect(inputIds(view.blocks)).toContain('replace');
    const metadata = view.private_metadata;

    const unticked = await submit(app, {
      callbackId: 'propose_offer_modal',
      userId: MANAGER,
      privateMetadata: metadata,
      values: discountValues('15', '2', { replace: [] }),
    });
    expect(JSON.parse(unticked.body)).toEqual({
      response_action: 'errors',
      errors: { replace: 'An offer is in play: tick this to replace it, or cancel.' },
    });

    const ticked = await submit(app, {
      callbackId: 'propose_offer_modal',
      userId: MANAGER,
      privateMetadata: metadata,
      values: discountValues('15', '2', { replace: ['replace'] }),
    });
    expect(ticked.body).toBe('');

    const offers = await app.db.prisma.offer.findMany({
      where: { accountId: account.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(offers.map((offer) => offer.status)).toEqual(['replaced', 'approved']);
    expect(offers[0]?.replacedById).toBe(offers[1]?.id);
    const update = await waitFor('the old request updated', () => updatesOf(app, old.approvalTs ?? '')[0]);
    expect(textsOf(blocksOf(update)).join('\n')).toContain('Replaced by a newer offer for this account.');
    expect(blocksOf(update).some((block) => block.type === 'actions')).toBe(false);
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: old.id, action: 'offer.replaced' } });
    expect(audit.map((entry) => entry.actor)).toEqual([MANAGER]);
  });

  it('holds a new offer for 30 days after the last one, and says until when', async () => {
    const account = await seedAccount(app, { company: 'Cooling Co' });
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    await app.db.prisma.offer.create({
      data: {
        accountId: account.id,
        proposerSlackId: MEMBER,
        type: 'session',
        sessionMinutes: 60,
        costMinor: 150_00,
        currency: 'USD',
        status: 'accepted',
        createdAt: tenDaysAgo,
      },
    });
    const { responseUrl, request } = click(app, { actionId: 'propose_offer', value: account.id, userId: MANAGER });
    await send(app, request);

    const day = (date: Date) =>
      date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const until = new Date(tenDaysAgo.getTime() + 30 * 86_400_000);
    expect((await replyTo(app, responseUrl)).text).toBe(
      `*Cooling Co*: This account got an offer on ${day(tenDaysAgo)}; the next one can be proposed from ` +
        `${day(until)} (30-day cooldown).`,
    );
  });
});
