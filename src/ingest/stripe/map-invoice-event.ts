import type Stripe from 'stripe';
import type { IngestChange } from '../changes.ts';
import { readCustomerRef, toCurrencyCode, toDate, toOptionalDate } from './read-stripe-values.ts';

type InvoiceSettledEvent =
  | Stripe.InvoicePaidEvent
  | Stripe.InvoicePaymentSucceededEvent
  | Stripe.InvoiceVoidedEvent
  | Stripe.InvoiceMarkedUncollectibleEvent;

/**
 * A failed invoice payment. Stripe puts no charge details on the invoice itself (`charge` is a bare id,
 * and gone on current API versions), so a decline code is only known when finalization recorded one.
 */
export function mapInvoicePaymentFailed(event: Stripe.InvoicePaymentFailedEvent): IngestChange[] {
  const invoice = event.data.object;
  const account = readCustomerRef(invoice.customer);
  if (!account) {
    return [];
  }

  const error = invoice.last_finalization_error;
  return [
    {
      kind: 'payment.failed',
      account,
      observedAt: toDate(event.created),
      invoiceId: invoice.id,
      amountMinor: invoice.amount_due,
      currency: toCurrencyCode(invoice.currency),
      attemptCount: invoice.attempt_count,
      nextRetryAt: toOptionalDate(invoice.next_payment_attempt),
      declineCode: error?.decline_code ?? null,
      failureMessage: error?.message ?? null,
    },
  ];
}

/**
 * An invoice that no longer needs collecting: paid, voided or written off. Stripe sends `invoice.paid` for
 * every paid invoice, failed before or not; the applier decides whether there was a failure to recover.
 */
export function mapInvoiceSettled(event: InvoiceSettledEvent): IngestChange[] {
  const invoice = event.data.object;
  const account = readCustomerRef(invoice.customer);
  if (!account) {
    return [];
  }

  const settled = {
    account,
    observedAt: toDate(event.created),
    invoiceId: invoice.id,
    invoice: {
      attemptCount: invoice.attempt_count,
      amountMinor: invoice.amount_due,
      currency: toCurrencyCode(invoice.currency),
    },
  };
  switch (event.type) {
    case 'invoice.voided':
      return [{ kind: 'payment.closed', ...settled, status: 'void' }];
    case 'invoice.marked_uncollectible':
      return [{ kind: 'payment.closed', ...settled, status: 'uncollectible' }];
    default:
      return [{ kind: 'payment.recovered', ...settled }];
  }
}
