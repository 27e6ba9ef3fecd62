import type Stripe from 'stripe';
import type { IngestChange } from '../changes.ts';
import { readCustomerRef, type StripeRef, toCurrencyCode, toDate, toOptionalDate } from './read-stripe-values.ts';

type CheckoutEvent = Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionExpiredEvent;

/** The fields read; `created` and `expires_at` are missing from sessions sent on API 2020-08-27 and before. */
interface WireSession {
  id: string;
  created?: number;
  expires_at?: number | null;
  customer: StripeRef | null;
  customer_details: { email: string | null } | null;
  customer_email: string | null;
  amount_total: number | null;
  currency: string | null;
}

/**
 * A checkout that finished or lapsed; the event type, not the session's own status, says which, because
 * older sessions carry no status. The email the buyer typed wins over the one the merchant prefilled.
 */
export function mapCheckoutEvent(event: CheckoutEvent): IngestChange[] {
  const session: WireSession = event.data.object;
  return [
    {
      kind: 'checkout.changed',
      account: readCustomerRef(session.customer),
      observedAt: toDate(event.created),
      externalId: session.id,
      email: session.customer_details?.email ?? session.customer_email,
      status: event.type === 'checkout.session.completed' ? 'complete' : 'expired',
      amountMinor: session.amount_total,
      currency: session.currency ? toCurrencyCode(session.currency) : null,
      // Without a creation time the event's is the closest known bound.
      startedAt: toDate(session.created ?? event.created),
      expiresAt: toOptionalDate(session.expires_at),
    },
  ];
}
