import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { mapStripeEvent } from '../../../src/ingest/stripe/map-stripe-event.ts';
import { loadStripeEvent } from './stripe-fixtures.ts';

type FailedEvent = Stripe.InvoicePaymentFailedEvent;

const account = { source: 'stripe', externalId: 'cus_00000000000000' };
const invoiceId = 'in_000000000000000000000000';

describe('mapStripeEvent: invoice.*', () => {
  it('maps the captured payment_failed event, which carries no decline code, to a payment failure', () => {
    expect(mapStripeEvent(loadStripeEvent('invoice.payment_failed'))).toEqual([
      {
        kind: 'payment.failed',
        account,
        observedAt: new Date(1_648_320_009_000),
        invoiceId,
        amountMinor: 2000,
        currency: 'USD',
        attemptCount: 1,
        nextRetryAt: null,
        declineCode: null,
        failureMessage: null,
      },
    ]);
  });

  it('takes the next retry, decline code and message when the invoice has them', () => {
    const event = loadStripeEvent<FailedEvent>('invoice.payment_failed');
    Object.assign(event.data.object, { attempt_count: 2, next_payment_attempt: 1_648_579_209 });
    event.data.object.last_finalization_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    };

    expect(mapStripeEvent(event)).toEqual([
      expect.objectContaining({
        attemptCount: 2,
        nextRetryAt: new Date(1_648_579_209_000),
        declineCode: 'insufficient_funds',
        failureMessage: 'Your card has insufficient funds.',
      }),
    ]);
  });

  it('skips a failed invoice that belongs to no customer', () => {
    const event = loadStripeEvent<FailedEvent>('invoice.payment_failed');
    event.data.object.customer = null;

    expect(mapStripeEvent(event)).toEqual([]);
  });

  // What the settlement says of the invoice: paid at its first attempt, so no failure to remember.
  const settled = { attemptCount: 1, amountMinor: 2000, currency: 'USD' };

  it.each(['invoice.paid', 'invoice.payment_succeeded'])('maps the captured %s event to a recovery', (name) => {
    expect(mapStripeEvent(loadStripeEvent(name))).toEqual([
      { kind: 'payment.recovered', account, observedAt: new Date(1_648_320_015_000), invoiceId, invoice: settled },
    ]);
  });

  // No voided or uncollectible event was captured: the paid invoice stands in, retyped.
  it.each([
    { type: 'invoice.voided', status: 'void' },
    { type: 'invoice.marked_uncollectible', status: 'uncollectible' },
  ] as const)('maps $type to a payment closed as $status', ({ type, status }) => {
    const event = { ...loadStripeEvent<Stripe.InvoicePaidEvent>('invoice.paid'), type };
    event.data.object.status = status;

    expect(mapStripeEvent(event)).toEqual([
      { kind: 'payment.closed', account, observedAt: new Date(1_648_320_015_000), invoiceId, status, invoice: settled },
    ]);
  });
});
