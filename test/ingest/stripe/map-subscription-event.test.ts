import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import type { SubscriptionChange } from '../../../src/ingest/changes.ts';
import { mapStripeEvent } from '../../../src/ingest/stripe/map-stripe-event.ts';
import { loadOpenApiResource, loadStripeEvent } from './stripe-fixtures.ts';

type DeletedEvent = Stripe.CustomerSubscriptionDeletedEvent;
type UpdatedEvent = Stripe.CustomerSubscriptionUpdatedEvent;

const account = { source: 'stripe', externalId: 'cus_00000000000000' };

/** What every captured 2020-08-27 subscription fixture holds: one $15 monthly item of product prod_…. */
const capturedSubscription = {
  kind: 'subscription.changed',
  account,
  plan: 'prod_00000000000000',
  mrrMinor: 1500,
  currency: 'USD',
  seats: 1,
  churnReason: null,
  churnReasonText: null,
  sourceKey: 'evt_000000000000000000000000',
} as const;

function mapOne(event: Stripe.Event): SubscriptionChange {
  const [change, ...rest] = mapStripeEvent(event);
  expect(rest).toEqual([]);
  expect(change?.kind).toBe('subscription.changed');
  return change as SubscriptionChange;
}

function firstItem(event: { data: { object: Stripe.Subscription } }): Stripe.SubscriptionItem {
  const item = event.data.object.items.data[0];
  if (!item) throw new Error('the fixture has no subscription item');
  return item;
}

function withCancellation(details: Partial<Stripe.Subscription.CancellationDetails>): DeletedEvent {
  const event = loadStripeEvent<DeletedEvent>('customer.subscription.deleted');
  event.data.object.cancellation_details = {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: null,
    ...details,
  };
  return event;
}

describe('mapStripeEvent: customer.subscription.*', () => {
  it('maps the captured created event to an active subscription', () => {
    expect(mapStripeEvent(loadStripeEvent('customer.subscription.created'))).toEqual([
      {
        ...capturedSubscription,
        observedAt: new Date(1_648_320_110_000),
        status: 'active',
        startedAt: new Date(1_648_320_110_000),
        churnedAt: null,
      },
    ]);
  });

  it('maps the captured updated event to an active subscription', () => {
    expect(mapStripeEvent(loadStripeEvent('customer.subscription.updated'))).toEqual([
      {
        ...capturedSubscription,
        observedAt: new Date(1_648_320_106_000),
        status: 'active',
        startedAt: new Date(1_648_320_105_000),
        churnedAt: null,
      },
    ]);
  });

  it('maps the captured deleted event to a churn at ended_at, keeping the lost MRR, with no reason', () => {
    expect(mapStripeEvent(loadStripeEvent('customer.subscription.deleted'))).toEqual([
      {
        ...capturedSubscription,
        observedAt: new Date(1_648_320_097_000),
        status: 'churned',
        startedAt: new Date(1_648_320_096_000),
        churnedAt: new Date(1_648_320_097_000),
      },
    ]);
  });

  it.each([
    { feedback: 'too_expensive', reason: 'price' },
    { feedback: 'missing_features', reason: 'missing_feature' },
    { feedback: 'switched_service', reason: 'competitor' },
    { feedback: 'too_complex', reason: 'usability' },
    { feedback: 'customer_service', reason: 'support' },
    { feedback: 'unused', reason: 'unused' },
    { feedback: 'low_quality', reason: 'low_quality' },
    { feedback: 'other', reason: 'other' },
    { feedback: 'a_survey_answer_added_later', reason: 'other' },
  ])('maps cancellation feedback $feedback to churn reason $reason', ({ feedback, reason }) => {
    expect(mapOne(withCancellation({ feedback, reason: 'cancellation_requested' })).churnReason).toBe(reason);
  });

  it.each([
    {
      rule: 'a failed-payment cancellation without feedback is involuntary',
      details: { reason: 'payment_failed' },
      churnReason: 'involuntary',
    },
    {
      rule: 'feedback wins over a failed-payment cancellation',
      details: { reason: 'payment_failed', feedback: 'too_expensive' },
      churnReason: 'price',
    },
    {
      rule: 'a requested cancellation without feedback has no reason',
      details: { reason: 'cancellation_requested' },
      churnReason: null,
    },
    { rule: 'a disputed payment says nothing about why', details: { reason: 'payment_disputed' }, churnReason: null },
    { rule: 'empty cancellation details have no reason', details: {}, churnReason: null },
  ])('$rule', ({ details, churnReason }) => {
    expect(mapOne(withCancellation(details)).churnReason).toBe(churnReason);
  });

  it.each([
    {
      rule: 'keeps the customer comment as the churn reason text',
      comment: 'We moved to a cheaper tool.',
      text: 'We moved to a cheaper tool.',
    },
    { rule: 'trims the comment', comment: '  Too slow \n', text: 'Too slow' },
    { rule: 'treats a blank comment as none', comment: '   ', text: null },
  ])('$rule', ({ comment, text }) => {
    expect(mapOne(withCancellation({ comment, feedback: 'other' })).churnReasonText).toBe(text);
  });

  it.each([
    { rule: 'uses ended_at first', endedAt: 1_648_400_000, canceledAt: 1_648_300_000, churnedAt: 1_648_400_000 },
    { rule: 'falls back to canceled_at', endedAt: null, canceledAt: 1_648_300_000, churnedAt: 1_648_300_000 },
    { rule: 'falls back to the event time', endedAt: null, canceledAt: null, churnedAt: 1_648_320_097 },
  ])('dates the churn: $rule', ({ endedAt, canceledAt, churnedAt }) => {
    const event = loadStripeEvent<DeletedEvent>('customer.subscription.deleted');
    event.data.object.ended_at = endedAt;
    event.data.object.canceled_at = canceledAt;

    expect(mapOne(event).churnedAt).toEqual(new Date(churnedAt * 1000));
  });

  it.each([
    { stripeStatus: 'active', status: 'active' },
    { stripeStatus: 'trialing', status: 'trialing' },
    { stripeStatus: 'past_due', status: 'past_due' },
    { stripeStatus: 'unpaid', status: 'past_due' },
    { stripeStatus: 'incomplete', status: 'past_due' },
    { stripeStatus: 'canceled', status: 'churned' },
    { stripeStatus: 'incomplete_expired', status: 'churned' },
  ])('maps Stripe status $stripeStatus to $status', ({ stripeStatus, status }) => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    event.data.object.status = stripeStatus;

    expect(mapOne(event).status).toBe(status);
  });

  it.each([
    {
      rule: 'a pause on an older API version, which only pauses trials without a payment method',
      reason: undefined,
      statuses: ['past_due'],
    },
    {
      rule: 'a trial that ended without a payment method',
      reason: 'trial_end_without_payment_method',
      statuses: ['past_due'],
    },
    { rule: 'a pause after the final payment failed', reason: 'final_payment_failure', statuses: ['past_due'] },
    { rule: 'a pause someone asked for', reason: 'pause_requested', statuses: [] },
  ])('paused: $rule yields statuses $statuses', ({ reason, statuses }) => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    event.data.object.status = 'paused';
    if (reason) {
      event.data.object.status_details = {
        paused: { subscription: { type: reason }, transitioned_at: 1_648_320_106, type: 'subscription' },
      };
    }

    expect(mapStripeEvent(event).map((change) => (change as SubscriptionChange).status)).toEqual(statuses);
  });

  it('skips a subscription status Stripe adds later instead of guessing', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    event.data.object.status = 'suspended';

    expect(mapStripeEvent(event)).toEqual([]);
  });

  it('marks an updated subscription that Stripe canceled as churned, with its reason', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    Object.assign(event.data.object, { status: 'incomplete_expired', ended_at: 1_648_400_000 });
    event.data.object.cancellation_details = {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: 'payment_failed',
    };

    expect(mapOne(event)).toMatchObject({
      status: 'churned',
      churnedAt: new Date(1_648_400_000_000),
      churnReason: 'involuntary',
    });
  });

  it('leaves churn fields empty while a subscription set to cancel at period end is still active', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    Object.assign(event.data.object, { cancel_at_period_end: true, canceled_at: 1_648_320_106 });
    event.data.object.cancellation_details = {
      comment: 'Too pricey',
      feedback: 'too_expensive',
      feedback_option: null,
      reason: 'cancellation_requested',
    };

    expect(mapOne(event)).toMatchObject({
      status: 'active',
      churnedAt: null,
      churnReason: null,
      churnReasonText: null,
    });
  });

  it('normalises a yearly price to a month in the MRR', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    const item = firstItem(event);
    item.quantity = 3;
    item.price.unit_amount = 18_000;
    // Webhook JSON carries decimals as strings, which the SDK types as its own Decimal class.
    Object.assign(item.price, { unit_amount_decimal: '18000' });
    if (item.price.recurring) item.price.recurring.interval = 'year';

    expect(mapOne(event)).toMatchObject({ mrrMinor: 4500, seats: 3 });
  });

  it('names the plan by the price nickname first', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    firstItem(event).price.nickname = 'Team monthly';

    expect(mapOne(event).plan).toBe('Team monthly');
  });

  it('names the plan by an expanded product’s name', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    firstItem(event).price.product = loadOpenApiResource<Stripe.Product>('product');

    expect(mapOne(event).plan).toBe('T-shirt');
  });

  it('reads an item that only has the legacy plan', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    const { price: _price, ...legacyItem } = firstItem(event);
    // Events from before prices existed carry items without `price`, which the current SDK types forbid.
    event.data.object.items.data = [legacyItem as Stripe.SubscriptionItem];

    expect(mapOne(event)).toMatchObject({ plan: 'prod_00000000000000', mrrMinor: 1500, currency: 'USD' });
  });

  it('prefers the subscription currency of current API versions, upper-cased', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    event.data.object.currency = 'eur';

    expect(mapOne(event).currency).toBe('EUR');
  });

  it('maps a current-API subscription object (OpenAPI fixture) with its package pricing', () => {
    const event = loadStripeEvent<UpdatedEvent>('customer.subscription.updated');
    event.data.object = loadOpenApiResource<Stripe.Subscription>('subscription');

    // Its price bills per 1,592,560,163 units, rounded down: one seat is 0 packages, so 0 MRR.
    expect(mapStripeEvent(event)).toEqual([
      {
        kind: 'subscription.changed',
        account: { source: 'stripe', externalId: 'cus_QXg1o8vcGmoR32' },
        observedAt: new Date(1_648_320_106_000),
        status: 'active',
        plan: 'prod_QXg1hqf4jFNsqG',
        mrrMinor: 0,
        currency: 'USD',
        seats: 1,
        startedAt: new Date(1_234_567_890_000),
        churnedAt: null,
        churnReason: null,
        churnReasonText: null,
        sourceKey: 'evt_000000000000000000000000',
      },
    ]);
  });
});
