import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { mapStripeEvent } from '../../../src/ingest/stripe/map-stripe-event.ts';
import { loadOpenApiResource, loadStripeEvent } from './stripe-fixtures.ts';

const account = { source: 'stripe', externalId: 'cus_00000000000000' };

describe('mapStripeEvent: checkout.session.*', () => {
  it('maps the captured completed session, dating its start by the event since it has no created time', () => {
    expect(mapStripeEvent(loadStripeEvent('checkout.session.completed'))).toEqual([
      {
        kind: 'checkout.changed',
        account,
        observedAt: new Date(1_648_319_959_000),
        externalId: 'cs_test_0000000000000000000000000000000000000000000000000000000000',
        email: 'stripe@example.com',
        status: 'complete',
        amountMinor: 3000,
        currency: 'USD',
        startedAt: new Date(1_648_319_959_000),
        expiresAt: new Date(1_648_406_355_000),
      },
    ]);
  });

  it('maps the captured payment-mode session, which has neither status nor expiry', () => {
    expect(mapStripeEvent(loadStripeEvent('checkout.session.completed.payment_mode'))).toEqual([
      {
        kind: 'checkout.changed',
        account,
        observedAt: new Date(1_326_853_478_000),
        externalId: 'cs_00000000000000',
        email: 'example@example.com',
        status: 'complete',
        amountMinor: 25_000,
        currency: 'USD',
        startedAt: new Date(1_326_853_478_000),
        expiresAt: null,
      },
    ]);
  });

  it('maps the captured setup-mode session, which has no customer, amount or currency', () => {
    expect(mapStripeEvent(loadStripeEvent('checkout.session.completed.setup_mode'))).toEqual([
      expect.objectContaining({ account: null, email: null, amountMinor: null, currency: null, status: 'complete' }),
    ]);
  });

  it('prefers the email the buyer entered over the one the merchant prefilled', () => {
    const event = loadStripeEvent<Stripe.CheckoutSessionCompletedEvent>('checkout.session.completed');
    event.data.object.customer_email = 'prefilled@example.com';

    expect(mapStripeEvent(event)).toEqual([expect.objectContaining({ email: 'stripe@example.com' })]);
  });

  it('falls back to the prefilled email when the buyer entered none', () => {
    const event = loadStripeEvent<Stripe.CheckoutSessionCompletedEvent>('checkout.session.completed');
    Object.assign(event.data.object, { customer_details: null, customer_email: 'prefilled@example.com' });

    expect(mapStripeEvent(event)).toEqual([expect.objectContaining({ email: 'prefilled@example.com' })]);
  });

  // No expired event was captured: the OpenAPI session fixture, marked expired, goes in a captured envelope.
  it('maps an expired session (OpenAPI fixture) with its own created and expiry times', () => {
    const completed = loadStripeEvent<Stripe.CheckoutSessionCompletedEvent>('checkout.session.completed');
    const session = { ...loadOpenApiResource<Stripe.Checkout.Session>('checkout.session'), status: 'expired' as const };
    const event: Stripe.CheckoutSessionExpiredEvent = {
      ...completed,
      type: 'checkout.session.expired',
      data: { object: session },
    };

    expect(mapStripeEvent(event)).toEqual([
      {
        kind: 'checkout.changed',
        account: null,
        observedAt: new Date(1_648_319_959_000),
        externalId: 'cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY',
        email: 'example@example.com',
        status: 'expired',
        amountMinor: null,
        currency: null,
        startedAt: new Date(1_234_567_890_000),
        expiresAt: new Date(1_234_567_890_000),
      },
    ]);
  });
});
