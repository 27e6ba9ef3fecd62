import type Stripe from 'stripe';
import type { IngestChange } from '../changes.ts';
import { mapExpiringSource, mapUpdatedPaymentMethod } from './map-card-event.ts';
import { mapCheckoutEvent } from './map-checkout-event.ts';
import { mapCustomerEvent } from './map-customer-event.ts';
import { mapInvoicePaymentFailed, mapInvoiceSettled } from './map-invoice-event.ts';
import { mapSubscriptionEvent } from './map-subscription-event.ts';

/**
 * What one Stripe webhook event tells winback, as plain changes: none for event types winback does not
 * use or objects that belong to no customer. Pure: the caller verifies the signature and writes the changes.
 */
export function mapStripeEvent(event: Stripe.Event): IngestChange[] {
  switch (event.type) {
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return mapSubscriptionEvent(event);
    case 'invoice.payment_failed':
      return mapInvoicePaymentFailed(event);
    case 'invoice.paid':
    case 'invoice.payment_succeeded':
    case 'invoice.voided':
    case 'invoice.marked_uncollectible':
      return mapInvoiceSettled(event);
    case 'customer.created':
    case 'customer.updated':
      return mapCustomerEvent(event);
    case 'customer.source.expiring':
      return mapExpiringSource(event);
    case 'payment_method.automatically_updated':
      return mapUpdatedPaymentMethod(event);
    case 'checkout.session.completed':
    case 'checkout.session.expired':
      return mapCheckoutEvent(event);
    default:
      return [];
  }
}
