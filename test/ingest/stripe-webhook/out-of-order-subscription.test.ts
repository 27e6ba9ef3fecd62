import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { auditTrail, capturedEvent, findAccount, findBillingEvents, sendStripeEvent } from './send-stripe-event.ts';

type UpdatedEvent = Stripe.CustomerSubscriptionUpdatedEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

describe('POST /webhooks/stripe: subscription events out of order', () => {
  it('stores and marks processed an older update that arrives after a newer one, leaving the newer state', async () => {
    const customer = 'cus_late_update';
    const older = capturedEvent<UpdatedEvent>('customer.subscription.updated', { id: 'evt_late_older', customer });
    const newer = capturedEvent<UpdatedEvent>('customer.subscription.updated', { id: 'evt_late_newer', customer });
    newer.created = older.created + 600;
    newer.data.object.status = 'past_due';
    Object.assign(newer.data.object.items.data[0] ?? {}, { quantity: 3 });

    await sendStripeEvent(app, newer);
    const reply = await sendStripeEvent(app, older);

    expect(reply).toEqual({ status: 200, body: { received: true } });
    const account = await findAccount(app, customer);
    expect(account).toMatchObject({
      status: 'past_due',
      mrrMinor: 4500,
      seats: 3,
      sourceUpdatedAt: new Date(1_648_320_706_000),
    });
    expect(await findBillingEvents(app, 'evt_late_older')).toEqual([
      expect.objectContaining({ processedAt: expect.any(Date), attempts: 1, lastError: null }),
    ]);
    expect((await auditTrail(app, account.id)).map((entry) => entry.action)).toEqual(['account.past_due']);
  });

  it('does not churn an account whose newer update is already applied when the older deletion arrives', async () => {
    const customer = 'cus_late_churn';
    // Captured times: the deletion (1648320097) is older than the update (1648320106).
    await sendStripeEvent(app, capturedEvent('customer.subscription.updated', { id: 'evt_churn_after', customer }));
    await sendStripeEvent(app, capturedEvent('customer.subscription.deleted', { id: 'evt_churn_before', customer }));

    const account = await findAccount(app, customer);
    expect(account).toMatchObject({
      status: 'active',
      churnedAt: null,
      churnSeenAt: null,
      lostMrrMinor: null,
      sourceUpdatedAt: new Date(1_648_320_106_000),
    });
    expect(await auditTrail(app, account.id)).toEqual([]);
    expect(await app.db.prisma.winbackOutcome.count({ where: { accountId: account.id } })).toBe(0);
  });

  it('applies two events of the same second in the order they arrive', async () => {
    const customer = 'cus_same_second';
    const first = capturedEvent<UpdatedEvent>('customer.subscription.updated', { id: 'evt_same_1', customer });
    const second = capturedEvent<UpdatedEvent>('customer.subscription.updated', { id: 'evt_same_2', customer });
    second.data.object.status = 'past_due';

    await sendStripeEvent(app, first);
    await sendStripeEvent(app, second);

    expect(await findAccount(app, customer)).toMatchObject({ status: 'past_due' });
  });
});
