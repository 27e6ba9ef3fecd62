// What offer, approval and feedback tests share: the whole app over HTTP with managers and an approvals channel,
// accounts seeded straight into the database, and the clicks and modal submissions Slack would send.
import type { KnownBlock } from '@slack/types';
import { expect } from 'vitest';
import { expireOfferApprovals } from '../../src/approvals/expire-offer-approvals.ts';
import { createRoles } from '../../src/slack/roles.ts';
import type { SeedFields } from '../accounts/seed-account.ts';
import { send } from '../claims/claim-rig.ts';
import { logger, seedChurned, slackClient, teamSettings, waitFor } from '../digest/digest-rig.ts';
import { blockAction, viewSubmission } from '../support/slack-requests.ts';
import type { RecordedCall } from '../support/slack-stand-in.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

export { send, waitFor };

export const MANAGER = 'U0MGR0001';
export const MANAGER_2 = 'U0MGR0002';
export const MANAGER_3 = 'U0MGR0003';
export const MEMBER = 'U0MEMBER1';
export const APPROVALS = 'C0APPROVAL';

const ENV = { WINBACK_MANAGERS: `${MANAGER},${MANAGER_2},${MANAGER_3}`, WINBACK_APPROVALS_CHANNEL: APPROVALS };

export function startOfferApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ ...ENV, WINBACK_ESCALATE_AFTER_HOURS: '100000', ...overrides });
}

/**
 * A churned USD account that left over price: $100.00 a month lost, CLV $2,400.00 (below the $5,000.00
 * auto-approval limit), so $1,200.00 is expected back over 12 months.
 */
export function seedAccount(app: TestApp, fields: SeedFields = {}) {
  return seedChurned(app.db.prisma, new Date(Date.now() - 60_000), {
    currency: 'USD',
    mrrMinor: 100_00,
    lostMrrMinor: 100_00,
    clvMinor: 2_400_00,
    churnReason: 'price',
    ...fields,
  });
}

/** A click on one of the app's buttons, in a message in `channelId`, answered on a fresh response URL. */
export function click(app: TestApp, fields: { actionId: string; value: string; userId: string; channelId?: string }) {
  const responseUrl = app.slack.responseUrl();
  const request = blockAction({
    actionId: fields.actionId,
    value: fields.value,
    userId: fields.userId,
    responseUrl,
    channelId: fields.channelId ?? 'C0DIGEST01',
    triggerId: `trigger-${fields.userId}`,
  });
  return { responseUrl, request };
}

type StateValue = Record<string, unknown>;

/** `view.state.values` for text or number inputs (`'25'`), selects (`{ option: 'x' }`) and checkboxes (`[...]`). */
export function stateValues(fields: Record<string, string | { option: string } | string[] | null>) {
  const values: Record<string, Record<string, StateValue>> = {};
  for (const [blockId, value] of Object.entries(fields)) {
    let state: StateValue;
    if (Array.isArray(value)) state = { type: 'checkboxes', selected_options: value.map((v) => ({ value: v })) };
    else if (value !== null && typeof value === 'object') {
      state = { type: 'static_select', selected_option: { value: value.option } };
    } else state = { type: 'plain_text_input', value };
    values[blockId] = { [blockId === 'type' ? 'offer_field' : 'input']: state };
  }
  return values;
}

export function submit(
  app: TestApp,
  fields: {
    callbackId: string;
    userId: string;
    privateMetadata: string;
    values: Record<string, Record<string, StateValue>>;
  },
) {
  return send(app, viewSubmission(fields));
}

/** The n-th modal the app opened with views.open, once it is open. */
export async function openedView(app: TestApp, count: number) {
  const call = await waitFor(`modal #${count}`, () => app.slack.callsTo('views.open')[count - 1]);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.args.view as { callback_id: string; private_metadata: string; blocks: KnownBlock[] };
}

/** Offer modal values for a discount; the rest of its fields as Slack would send them empty. */
export function discountValues(percentOff: string, durationMonths: string, extra: Record<string, unknown> = {}) {
  return stateValues({
    type: { option: 'percent_discount' },
    percentOff,
    durationMonths,
    note: null,
    ...(extra as Record<string, string>),
  });
}

/** The offer modal for `accountId` opened by `userId`, as its private_metadata for submitting. */
export async function openOfferModal(app: TestApp, accountId: string, userId: string) {
  const before = app.slack.callsTo('views.open').length;
  const { request } = click(app, { actionId: 'propose_offer', value: accountId, userId });
  await send(app, request);
  return openedView(app, before + 1);
}

/** Proposes an offer the way a person does: open the modal, submit it; returns the HTTP answer and the offer. */
export async function proposeThroughModal(
  app: TestApp,
  accountId: string,
  userId: string,
  values: Record<string, Record<string, StateValue>>,
) {
  const view = await openOfferModal(app, accountId, userId);
  const answer = await submit(app, {
    callbackId: 'propose_offer_modal',
    userId,
    privateMetadata: view.private_metadata,
    values,
  });
  const offer = await app.db.prisma.offer.findFirst({ where: { accountId }, orderBy: { createdAt: 'desc' } });
  return { answer, offer, view };
}

/** Waits until the offer leaves `proposed` (its approval request posted) and returns it. */
export function offerOnceSettled(app: TestApp, offerId: string) {
  return waitFor('the offer announced', async () => {
    const offer = await app.db.prisma.offer.findUniqueOrThrow({ where: { id: offerId } });
    return offer.status === 'proposed' ? undefined : offer;
  });
}

export const messagesTo = (app: TestApp, channel: string): RecordedCall[] =>
  app.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel && call.response.ok);

export const updatesOf = (app: TestApp, ts: string): RecordedCall[] =>
  app.slack.callsTo('chat.update').filter((call) => call.args.ts === ts && call.response.ok);

/** The expiry tick's work, run now against the app's database and the stand-in. */
export function runExpiry(app: TestApp, now: Date) {
  const settings = teamSettings(ENV);
  const slack = slackClient(app.slack);
  const roles = createRoles(settings, slack, logger);
  return expireOfferApprovals({ prisma: app.db.prisma, roles, settings, logger }, slack, now);
}
