import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { auditTrail, capturedEvent, findAccount, sendStripeEvent } from './send-stripe-event.ts';

type UpdatedEvent = Stripe.CustomerSubscriptionUpdatedEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

describe('POST /webhooks/stripe: reactivation after churn', () => {
  it('turns a newer active update after a deletion into one win-back outcome, even when delivered twice', async () => {
    const customer = 'cus_won_back';
    // The captured update (created 1648320106) is newer than the captured deletion (1648320097).
    const churn = capturedEvent('customer.subscription.deleted', { id: 'evt_won_back_churn', customer });
    const comeback = capturedEvent<UpdatedEvent>('customer.subscription.updated', { id: 'evt_won_back', customer });
    // Coming back on two seats makes the recovered MRR differ from the lost MRR.
    Object.assign(comeback.data.object.items.data[0] ?? {}, { quantity: 2 });

    await sendStripeEvent(app, churn);
    const first = await sendStripeEvent(app, comeback);
    const second = await sendStripeEvent(app, comeback);

    expect(first).toEqual({ status: 200, body: { received: true } });
    expect(second).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const account = await findAccount(app, customer);
    expect(account).toMatchObject({
      status: 'active',
      reactivatedAt: new Date(1_648_320_106_000),
      churnSeenAt: null,
      mrrMinor: 3000,
      seats: 2,
      // The churn stays on record: when it happened and what it cost.
      churnedAt: new Date(1_648_320_097_000),
      lostMrrMinor: 1500,
    });
    const outcomes = await app.db.prisma.winbackOutcome.findMany({ where: { accountId: account.id } });
    expect(outcomes).toEqual([
      expect.objectContaining({
        kind: 'reactivated',
        recoveredMrrMinor: 3000,
        currency: 'USD',
        offerId: null,
        sourceKey: 'evt_won_back',
        occurredAt: new Date(1_648_320_106_000),
      }),
    ]);
    expect(await auditTrail(app, account.id)).toEqual([
      expect.objectContaining({ action: 'account.churned' }),
      {
        actor: 'system:stripe',
        action: 'account.reactivated',
        entityType: 'account',
        before: { status: 'churned', mrrMinor: 1500 },
        after: { status: 'active', mrrMinor: 3000 },
      },
    ]);
  });

  it('counts a trialing subscription after churn as a reactivation too', async () => {
    const customer = 'cus_trial_back';
    const comeback = capturedEvent<UpdatedEvent>('customer.subscription.updated', { id: 'evt_trial_back', customer });
    comeback.data.object.status = 'trialing';

    await sendStripeEvent(app, capturedEvent('customer.subscription.deleted', { id: 'evt_trial_churn', customer }));
    await sendStripeEvent(app, comeback);

    const account = await findAccount(app, customer);
    expect(account).toMatchObject({ status: 'trialing', reactivatedAt: new Date(1_648_320_106_000) });
    expect(await app.db.prisma.winbackOutcome.count({ where: { accountId: account.id } })).toBe(1);
  });

  it('does not count a churned account that stays past_due as won back', async () => {
    const customer = 'cus_still_due';
    const update = capturedEvent<UpdatedEvent>('customer.subscription.updated', { id: 'evt_still_due', customer });
    update.data.object.status = 'past_due';

    await sendStripeEvent(app, capturedEvent('customer.subscription.deleted', { id: 'evt_still_churn', customer }));
    await sendStripeEvent(app, update);

    const account = await findAccount(app, customer);
    expect(account).toMatchObject({ status: 'past_due', reactivatedAt: null, churnSeenAt: null });
    expect(await app.db.prisma.winbackOutcome.count({ where: { accountId: account.id } })).toBe(0);
  });
});
