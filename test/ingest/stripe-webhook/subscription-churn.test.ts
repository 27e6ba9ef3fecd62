import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { auditTrail, capturedEvent, findAccount, findBillingEvents, sendStripeEvent } from './send-stripe-event.ts';

type DeletedEvent = Stripe.CustomerSubscriptionDeletedEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

function deleted(customer: string, id: string): DeletedEvent {
  return capturedEvent<DeletedEvent>('customer.subscription.deleted', { id, customer });
}

describe('POST /webhooks/stripe: customer.subscription.deleted', () => {
  it('churns the account at ended_at, keeps its MRR as lost MRR and audits the change once', async () => {
    const event = deleted('cus_churn_plain', 'evt_churn_plain');
    const before = new Date();

    const reply = await sendStripeEvent(app, event);

    expect(reply).toEqual({ status: 200, body: { received: true } });
    const account = await findAccount(app, 'cus_churn_plain');
    expect(account).toMatchObject({
      status: 'churned',
      churnedAt: new Date(1_648_320_097_000),
      mrrMinor: 1500,
      lostMrrMinor: 1500,
      currency: 'USD',
      // The captured price has no nickname: the product id labels the plan.
      plan: 'prod_00000000000000',
      seats: 1,
      startedAt: new Date(1_648_320_096_000),
      sourceUpdatedAt: new Date(1_648_320_097_000),
      reactivatedAt: null,
      // API 2020-08-27 sends no cancellation_details: no reason is guessed.
      churnReason: null,
      churnReasonText: null,
    });
    expect(account.churnSeenAt?.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(account.churnSeenAt?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await auditTrail(app, account.id)).toEqual([
      {
        actor: 'system:stripe',
        action: 'account.churned',
        entityType: 'account',
        before: { status: 'active', mrrMinor: 0 },
        after: { status: 'churned', mrrMinor: 1500 },
      },
    ]);
    expect(await findBillingEvents(app, 'evt_churn_plain')).toEqual([
      expect.objectContaining({
        type: 'customer.subscription.deleted',
        occurredAt: new Date(1_648_320_097_000),
        payload: JSON.parse(JSON.stringify(event)),
        processedAt: expect.any(Date),
        attempts: 1,
        lastError: null,
      }),
    ]);
  });

  it('maps the cancellation survey answer too_expensive to price and keeps the comment', async () => {
    const event = deleted('cus_churn_survey', 'evt_churn_survey');
    Object.assign(event.data.object, {
      cancellation_details: { feedback: 'too_expensive', comment: 'We found it too pricey for a team of three.' },
    });

    await sendStripeEvent(app, event);

    expect(await findAccount(app, 'cus_churn_survey')).toMatchObject({
      status: 'churned',
      churnReason: 'price',
      churnReasonText: 'We found it too pricey for a team of three.',
    });
  });

  it('keeps a churn reason the team already logged over the cancellation survey', async () => {
    await app.db.prisma.account.create({
      data: { source: 'stripe', externalId: 'cus_churn_logged', churnReason: 'support', churnReasonText: 'On a call' },
    });
    const event = deleted('cus_churn_logged', 'evt_churn_logged');
    Object.assign(event.data.object, { cancellation_details: { feedback: 'too_expensive', comment: 'Too dear' } });

    await sendStripeEvent(app, event);

    expect(await findAccount(app, 'cus_churn_logged')).toMatchObject({
      status: 'churned',
      churnReason: 'support',
      churnReasonText: 'On a call',
    });
  });
});
