import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import {
  auditTrail,
  capturedEvent,
  countRows,
  findAccount,
  findBillingEvents,
  sendStripeEvent,
} from './send-stripe-event.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

describe('POST /webhooks/stripe: redelivery of the same event', () => {
  it('acknowledges a second delivery as a duplicate and stores and applies the event once', async () => {
    const event = capturedEvent('customer.subscription.deleted', { id: 'evt_resent_churn', customer: 'cus_resent' });

    const first = await sendStripeEvent(app, event);
    const afterFirst = await countRows(app);
    // Stripe signs every delivery afresh: same body, later timestamp.
    const second = await sendStripeEvent(app, event, new Date(Date.now() + 30_000));

    expect(first).toEqual({ status: 200, body: { received: true } });
    expect(second).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await countRows(app)).toEqual(afterFirst);
    expect(await findBillingEvents(app, 'evt_resent_churn')).toEqual([expect.objectContaining({ attempts: 1 })]);
    const account = await findAccount(app, 'cus_resent');
    expect((await auditTrail(app, account.id)).map((entry) => entry.action)).toEqual(['account.churned']);
  });

  it('records one win-back outcome when a reactivation is delivered twice at the same moment', async () => {
    const customer = 'cus_resent_comeback';
    const comeback = capturedEvent('customer.subscription.updated', { id: 'evt_resent_comeback', customer });
    await sendStripeEvent(app, capturedEvent('customer.subscription.deleted', { id: 'evt_resent_lost', customer }));

    const replies = await Promise.all([sendStripeEvent(app, comeback), sendStripeEvent(app, comeback)]);

    expect(replies.map((reply) => reply.body)).toEqual(
      expect.arrayContaining([{ received: true }, { received: true, duplicate: true }]),
    );
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    const account = await findAccount(app, customer);
    expect(await app.db.prisma.winbackOutcome.count({ where: { accountId: account.id } })).toBe(1);
    expect((await auditTrail(app, account.id)).map((entry) => entry.action)).toEqual([
      'account.churned',
      'account.reactivated',
    ]);
    expect(await findBillingEvents(app, 'evt_resent_comeback')).toHaveLength(1);
  });
});
