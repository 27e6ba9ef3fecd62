import type Stripe from 'stripe';
import { apiEventSchema } from '../api/event-schema.ts';
import { API_SOURCE_PREFIX, mapApiEvent } from '../api/map-api-event.ts';
import type { IngestChange } from '../changes.ts';
import { mapStripeEvent } from '../stripe/map-stripe-event.ts';

/** The changes a stored raw event carries, by the source that sent it. */
export function mapBillingEvent(source: string, payload: unknown): IngestChange[] {
  if (source === 'stripe') return mapStripeEvent(payload as Stripe.Event);
  if (source.startsWith(API_SOURCE_PREFIX)) {
    // Parsed again rather than cast: the payload is the event as validated on arrival, and parsing types it.
    return mapApiEvent(source.slice(API_SOURCE_PREFIX.length), apiEventSchema.parse(payload));
  }
  return [];
}
