import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, findAccount, sendStripeEvent } from './send-stripe-event.ts';

type FailedEvent = Stripe.InvoicePaymentFailedEvent;
type PaidEvent = Stripe.InvoicePaidEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

/** The captured failed invoice, renamed so each test has its own invoice and customer. */
function failed(name: string): FailedEvent {
  const event = capturedEvent<FailedEvent>('invoice.payment_failed', {
    id: `evt_${name}_failed`,
    customer: `cus_${name}`,
  });
  event.data.object.id = `in_${name}`;
  return event;
}

/**
 * The captured paid invoice as a settling event of the given type. No voided or uncollectible invoice event was
 * captured; the paid one is retyped, which is all the mapper reads of it.
 */
function settled(
  name: string,
  type: 'invoice.paid' | 'invoice.payment_succeeded' | 'invoice.voided' | 'invoice.marked_uncollectible',
) {
  const fixture = type === 'invoice.payment_succeeded' ? type : 'invoice.paid';
  const event = capturedEvent<PaidEvent>(fixture, { id: `evt_${name}_${type}`, customer: `cus_${name}` });
  event.data.object.id = `in_${name}`;
  return { ...event, type } as Stripe.Event;
}

function findFailure(invoiceId: string) {
  return app.db.prisma.paymentFailure.findUniqueOrThrow({
    where: { source_invoiceId: { source: 'stripe', invoiceId } },
  });
}

describe('POST /webhooks/stripe: invoice.payment_failed', () => {
  it('opens a payment failure with the captured amount, currency and attempt, and no decline code', async () => {
    expect(await sendStripeEvent(app, failed('first_failure'))).toEqual({ status: 200, body: { received: true } });

    const account = await findAccount(app, 'cus_first_failure');
    expect(await findFailure('in_first_failure')).toMatchObject({
      accountId: account.id,
      status: 'open',
      amountMinor: 2000,
      currency: 'USD',
      attemptCount: 1,
      nextRetryAt: null,
      declineCode: null,
      failureMessage: null,
      failedAt: new Date(1_648_320_009_000),
      resolvedAt: null,
      sourceUpdatedAt: new Date(1_648_320_009_000),
    });
  });

  it('keeps the decline code, message and next retry a finalization error carries', async () => {
    const event = failed('declined');
    Object.assign(event.data.object, { attempt_count: 2, next_payment_attempt: 1_648_579_209 });
    event.data.object.last_finalization_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
    };

    await sendStripeEvent(app, event);

    expect(await findFailure('in_declined')).toMatchObject({
      status: 'open',
      attemptCount: 2,
      nextRetryAt: new Date(1_648_579_209_000),
      declineCode: 'insufficient_funds',
      failureMessage: 'Your card has insufficient funds.',
    });
  });
});

describe('POST /webhooks/stripe: invoice settled after a failure', () => {
  it.each([
    ['invoice.paid', 'recovered'],
    ['invoice.payment_succeeded', 'recovered'],
    ['invoice.voided', 'void'],
    ['invoice.marked_uncollectible', 'uncollectible'],
  ] as const)('%s closes the open failure as %s at the event time', async (type, status) => {
    const name = type.replace(/\W/g, '_');
    await sendStripeEvent(app, failed(name));

    await sendStripeEvent(app, settled(name, type));

    expect(await findFailure(`in_${name}`)).toMatchObject({
      status,
      resolvedAt: new Date(1_648_320_015_000),
      nextRetryAt: null,
      sourceUpdatedAt: new Date(1_648_320_015_000),
      // What failed stays on record.
      amountMinor: 2000,
      failedAt: new Date(1_648_320_009_000),
    });
  });

  it('leaves a recovered failure as it was when invoice.payment_succeeded follows invoice.paid', async () => {
    await sendStripeEvent(app, failed('paid_twice'));
    await sendStripeEvent(app, settled('paid_twice', 'invoice.paid'));
    const recovered = await findFailure('in_paid_twice');

    await sendStripeEvent(app, settled('paid_twice', 'invoice.payment_succeeded'));

    expect(await findFailure('in_paid_twice')).toEqual(recovered);
  });

  it('writes no payment failure for an invoice paid without ever failing', async () => {
    await sendStripeEvent(app, settled('never_failed', 'invoice.paid'));

    expect(await app.db.prisma.paymentFailure.count({ where: { invoiceId: 'in_never_failed' } })).toBe(0);
  });
});
