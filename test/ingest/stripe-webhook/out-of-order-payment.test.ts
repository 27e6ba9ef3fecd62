import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { capturedEvent, findBillingEvents, sendStripeEvent } from './send-stripe-event.ts';

type FailedEvent = Stripe.InvoicePaymentFailedEvent;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

function invoiceEvent<E extends Stripe.Event>(fixture: string, id: string, invoice: string): E {
  const event = capturedEvent<E>(fixture, { id, customer: `cus_${invoice}` });
  (event.data.object as { id: string }).id = `in_${invoice}`;
  return event;
}

function findFailure(invoice: string) {
  return app.db.prisma.paymentFailure.findUniqueOrThrow({
    where: { source_invoiceId: { source: 'stripe', invoiceId: `in_${invoice}` } },
  });
}

describe('POST /webhooks/stripe: payment events out of order', () => {
  it('keeps a recovered failure recovered when an older failed attempt arrives after the payment', async () => {
    // Captured times: failed 1648320009, paid 1648320015; the late second attempt falls between them.
    const lateAttempt = invoiceEvent<FailedEvent>('invoice.payment_failed', 'evt_attempt_2', 'late_attempt');
    Object.assign(lateAttempt.data.object, { attempt_count: 2 });
    lateAttempt.created = 1_648_320_012;

    await sendStripeEvent(app, invoiceEvent('invoice.payment_failed', 'evt_attempt_1', 'late_attempt'));
    await sendStripeEvent(app, invoiceEvent('invoice.paid', 'evt_attempt_paid', 'late_attempt'));
    await sendStripeEvent(app, lateAttempt);

    expect(await findFailure('late_attempt')).toMatchObject({
      status: 'recovered',
      resolvedAt: new Date(1_648_320_015_000),
      attemptCount: 1,
      sourceUpdatedAt: new Date(1_648_320_015_000),
    });
    expect(await findBillingEvents(app, 'evt_attempt_2')).toEqual([
      expect.objectContaining({ processedAt: expect.any(Date), attempts: 1, lastError: null }),
    ]);
  });

  it('updates an open failure with a newer failed attempt', async () => {
    const retried = invoiceEvent<FailedEvent>('invoice.payment_failed', 'evt_retry_2', 'retried');
    Object.assign(retried.data.object, { attempt_count: 2, next_payment_attempt: 1_648_579_209 });
    retried.created += 3600;

    await sendStripeEvent(app, invoiceEvent('invoice.payment_failed', 'evt_retry_1', 'retried'));
    await sendStripeEvent(app, retried);

    expect(await findFailure('retried')).toMatchObject({
      status: 'open',
      attemptCount: 2,
      nextRetryAt: new Date(1_648_579_209_000),
      // The failure began with the first attempt.
      failedAt: new Date(1_648_320_009_000),
    });
  });

  it('opens no failure when an invoice.payment_failed arrives after the invoice.paid that settled it', async () => {
    // Paid at the second attempt: the first one failed, and its event comes late.
    const paid = invoiceEvent<Stripe.InvoicePaidEvent>('invoice.paid', 'evt_paid_first', 'paid_first');
    paid.data.object.attempt_count = 2;

    await sendStripeEvent(app, paid);
    await sendStripeEvent(app, invoiceEvent('invoice.payment_failed', 'evt_failed_late', 'paid_first'));

    expect(await findFailure('paid_first')).toMatchObject({
      status: 'recovered',
      amountMinor: 2000,
      currency: 'USD',
      attemptCount: 2,
      resolvedAt: new Date(paid.created * 1000),
      sourceUpdatedAt: new Date(paid.created * 1000),
    });
  });

  it('records nothing for an invoice paid at its first attempt', async () => {
    await sendStripeEvent(app, invoiceEvent('invoice.paid', 'evt_paid_at_once', 'paid_at_once'));

    expect(await app.db.prisma.paymentFailure.count({ where: { invoiceId: 'in_paid_at_once' } })).toBe(0);
  });
});
