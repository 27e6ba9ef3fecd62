import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { mapStripeEvent } from '../../../src/ingest/stripe/map-stripe-event.ts';
import { loadOpenApiResource, loadStripeEvent } from './stripe-fixtures.ts';

type ExpiringEvent = Stripe.CustomerSourceExpiringEvent;

const account = { source: 'stripe', externalId: 'cus_00000000000000' };

/** The captured expiring event is an ACH source; a card one is built from customer.source.created's card. */
function expiringCard(): ExpiringEvent {
  const event = loadStripeEvent<ExpiringEvent>('customer.source.expiring');
  event.data.object = loadStripeEvent<Stripe.CustomerSourceCreatedEvent>('customer.source.created').data.object;
  return event;
}

describe('mapStripeEvent: customer.source.expiring', () => {
  it('ignores the captured ACH credit transfer source, which has no expiry', () => {
    expect(mapStripeEvent(loadStripeEvent('customer.source.expiring'))).toEqual([]);
  });

  it('maps an expiring card to its brand, last four digits and expiry', () => {
    expect(mapStripeEvent(expiringCard())).toEqual([
      {
        kind: 'card.expiring',
        account,
        observedAt: new Date(1_326_853_478_000),
        paymentMethodId: 'card_000000000000000000000000',
        brand: 'Visa',
        last4: '4242',
        expMonth: 3,
        expYear: 2023,
      },
    ]);
  });

  it('skips an expiring card that belongs to no customer (OpenAPI card fixture)', () => {
    const event = loadStripeEvent<ExpiringEvent>('customer.source.expiring');
    event.data.object = loadOpenApiResource<Stripe.Card>('card');

    expect(mapStripeEvent(event)).toEqual([]);
  });

  it('maps a Sources API card source, which keeps the card under `card`', () => {
    const event = loadStripeEvent<ExpiringEvent>('customer.source.expiring');
    const source = event.data.object as Stripe.Source;
    Object.assign(source, { type: 'card', customer: 'cus_00000000000000' });
    source.card = { brand: 'MasterCard', last4: '4444', exp_month: 12, exp_year: 2030 } as Stripe.Source.Card;

    expect(mapStripeEvent(event)).toEqual([
      expect.objectContaining({
        paymentMethodId: 'src_00000000000000',
        brand: 'MasterCard',
        last4: '4444',
        expMonth: 12,
        expYear: 2030,
      }),
    ]);
  });
});

describe('mapStripeEvent: payment_method.automatically_updated', () => {
  // No such event was captured: payment_method.attached carries the same card payment method, retyped.
  function updatedMethod(): Stripe.PaymentMethodAutomaticallyUpdatedEvent {
    const attached = loadStripeEvent<Stripe.PaymentMethodAttachedEvent>('payment_method.attached');
    return { ...attached, type: 'payment_method.automatically_updated' };
  }

  it('records the card expiry the network now has on file', () => {
    const event = updatedMethod();
    Object.assign(event.data.object.card ?? {}, { exp_month: 4, exp_year: 2027 });

    expect(mapStripeEvent(event)).toEqual([
      {
        kind: 'card.expiring',
        account,
        observedAt: new Date(1_648_320_107_000),
        paymentMethodId: 'card_000000000000000000000000',
        brand: 'visa',
        last4: '4242',
        expMonth: 4,
        expYear: 2027,
      },
    ]);
  });

  it('skips a payment method that is not a card', () => {
    const event = updatedMethod();
    Object.assign(event.data.object, { type: 'sepa_debit', card: undefined });

    expect(mapStripeEvent(event)).toEqual([]);
  });

  it('skips a payment method attached to no customer (OpenAPI payment_method fixture)', () => {
    const event = updatedMethod();
    event.data.object = loadOpenApiResource<Stripe.PaymentMethod>('payment_method');

    expect(mapStripeEvent(event)).toEqual([]);
  });
});
