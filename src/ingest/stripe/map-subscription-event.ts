import type Stripe from 'stripe';
import type { IngestChange, SubscriptionChange } from '../changes.ts';
import { type CancellationDetails, mapChurnReason, readChurnReasonText } from './map-churn-reason.ts';
import { computeMonthlyRecurringRevenue, type PricedItem } from './monthly-recurring-revenue.ts';
import { readCustomerRef, type StripeRef, toCurrencyCode, toDate } from './read-stripe-values.ts';

type SubscriptionEvent =
  | Stripe.CustomerSubscriptionCreatedEvent
  | Stripe.CustomerSubscriptionUpdatedEvent
  | Stripe.CustomerSubscriptionDeletedEvent;

interface PriceLabel {
  id: string;
  nickname: string | null;
  product: string | { id: string; name?: string } | null;
  currency: string;
}

interface LabelledItem extends PricedItem {
  price?: (NonNullable<PricedItem['price']> & PriceLabel) | null;
  plan?: (NonNullable<PricedItem['plan']> & PriceLabel) | null;
}

/** The fields read, typed loosely where older API versions (2020-08-27 and before) omit them. */
interface WireSubscription {
  customer: StripeRef;
  status: string;
  currency?: string | null;
  start_date: number;
  ended_at: number | null;
  canceled_at: number | null;
  cancellation_details?: CancellationDetails | null;
  status_details?: { paused?: { subscription?: { type?: string } | null } | null };
  items: { data: LabelledItem[] };
}

const STATUS_BY_STRIPE_STATUS = new Map<string, SubscriptionChange['status']>([
  ['active', 'active'],
  ['trialing', 'trialing'],
  ['past_due', 'past_due'],
  ['unpaid', 'past_due'],
  // The first payment has not gone through yet; Stripe expires the subscription after 23 hours.
  ['incomplete', 'past_due'],
  ['canceled', 'churned'],
  ['incomplete_expired', 'churned'],
]);

/** Pauses that stop billing for want of a payment: recoverable, like a failed payment. */
const UNPAID_PAUSE_REASONS = new Set([
  'first_payment_failure',
  'final_payment_failure',
  'trial_end_without_payment_method',
]);

/** A subscription's state after Stripe created, changed or ended it. */
export function mapSubscriptionEvent(event: SubscriptionEvent): IngestChange[] {
  const subscription: WireSubscription = event.data.object;
  const status = event.type === 'customer.subscription.deleted' ? 'churned' : mapStatus(subscription);
  const account = readCustomerRef(subscription.customer);
  const first = subscription.items.data[0];
  const priced = first?.price ?? first?.plan;
  // Older API versions have no subscription currency; all items share one, so the first item's serves.
  const currency = subscription.currency ?? priced?.currency;
  // A status winback has no word for is skipped rather than guessed at. Stripe requires at least one
  // item, so only a malformed payload has no currency.
  if (!status || !account || !currency) {
    return [];
  }

  const churned = status === 'churned';
  const details = subscription.cancellation_details;
  return [
    {
      kind: 'subscription.changed',
      account,
      observedAt: toDate(event.created),
      status,
      plan: priced ? (priced.nickname ?? readProductLabel(priced.product) ?? priced.id) : null,
      mrrMinor: computeMonthlyRecurringRevenue(subscription.items.data),
      currency: toCurrencyCode(currency),
      seats: first?.quantity ?? null,
      startedAt: toDate(subscription.start_date),
      churnedAt: churned ? toDate(subscription.ended_at ?? subscription.canceled_at ?? event.created) : null,
      churnReason: churned ? mapChurnReason(details) : null,
      churnReasonText: churned ? readChurnReasonText(details) : null,
      sourceKey: event.id,
    },
  ];
}

/**
 * A pause the customer or merchant asked for is not a payment problem and has no winback status. Older API
 * versions paused only trials that ended without a payment method, and say no more about why.
 */
function mapStatus({ status, status_details }: WireSubscription): SubscriptionChange['status'] | undefined {
  if (status !== 'paused') {
    return STATUS_BY_STRIPE_STATUS.get(status);
  }

  const reason = status_details?.paused?.subscription?.type;
  return !reason || UNPAID_PAUSE_REASONS.has(reason) ? 'past_due' : undefined;
}

/** Webhooks carry the product id; a product expanded in its place (e.g. a replayed event) has its name. */
function readProductLabel(product: PriceLabel['product']): string | null {
  if (!product) {
    return null;
  }

  return typeof product === 'string' ? product : (product.name ?? product.id);
}
