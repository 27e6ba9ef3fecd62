import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { auditTrail, capturedEvent, findAccount, sendStripeEvent } from './send-stripe-event.ts';

type UpdatedEvent = Stripe.CustomerSubscriptionUpdatedEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

describe('POST /webhooks/stripe: customer.subscription.created and .updated', () => {
  it('records a created active subscription, with no audit entry for an account that was never anything else', async () => {
    const event = capturedEvent('customer.subscription.created', { id: 'evt_created', customer: 'cus_created' });

    expect(await sendStripeEvent(app, event)).toEqual({ status: 200, body: { received: true } });

    const account = await findAccount(app, 'cus_created');
    expect(account).toMatchObject({
      status: 'active',
      mrrMinor: 1500,
      currency: 'USD',
      plan: 'prod_00000000000000',
      seats: 1,
      startedAt: new Date(1_648_320_110_000),
      sourceUpdatedAt: new Date(1_648_320_110_000),
      churnedAt: null,
      churnSeenAt: null,
      lostMrrMinor: null,
      reactivatedAt: null,
    });
    expect(await auditTrail(app, account.id)).toEqual([]);
  });

  it('marks an updated past_due subscription past_due and audits the move from active', async () => {
    const event = capturedEvent<UpdatedEvent>('customer.subscription.updated', { id: 'evt_due', customer: 'cus_due' });
    event.data.object.status = 'past_due';

    await sendStripeEvent(app, event);

    const account = await findAccount(app, 'cus_due');
    expect(account).toMatchObject({ status: 'past_due', mrrMinor: 1500, churnSeenAt: null });
    expect(await auditTrail(app, account.id)).toEqual([
      {
        actor: 'system:stripe',
        action: 'account.past_due',
        entityType: 'account',
        before: { status: 'active', mrrMinor: 0 },
        after: { status: 'past_due', mrrMinor: 1500 },
      },
    ]);
  });

  it('treats past_due back to active as a paid-up account, not a win-back', async () => {
    const due = capturedEvent<UpdatedEvent>('customer.subscription.updated', {
      id: 'evt_paid_up_1',
      customer: 'cus_paid_up',
    });
    due.data.object.status = 'past_due';
    const paidUp = capturedEvent<UpdatedEvent>('customer.subscription.updated', {
      id: 'evt_paid_up_2',
      customer: 'cus_paid_up',
    });
    paidUp.created = due.created + 60;

    await sendStripeEvent(app, due);
    await sendStripeEvent(app, paidUp);

    const account = await findAccount(app, 'cus_paid_up');
    expect(account).toMatchObject({
      status: 'active',
      reactivatedAt: null,
      sourceUpdatedAt: new Date(1_648_320_166_000),
    });
    expect(await app.db.prisma.winbackOutcome.count({ where: { accountId: account.id } })).toBe(0);
    expect((await auditTrail(app, account.id)).map((entry) => entry.action)).toEqual([
      'account.past_due',
      'account.active',
    ]);
  });
});
