import type Stripe from 'stripe';
import type { IngestChange } from '../changes.ts';
import { mapStripeEvent } from '../stripe/map-stripe-event.ts';

/** The changes a stored raw event carries, by the source that sent it. */
export function mapBillingEvent(source: string, payload: unknown): IngestChange[] {
  if (source === 'stripe') return mapStripeEvent(payload as Stripe.Event);
  return [];
}
