import { z } from 'zod';

// What winback stores and applies of any Stripe event: a genuine signature says who sent it, not that it
// is an event. Anything else about the object is the mappers' business.
const envelope = z.object(
  {
    id: z.string({ error: 'expected the event id as text' }).min(1, 'expected the event id as text').max(255),
    type: z.string({ error: 'expected the event type as text' }).min(1, 'expected the event type as text').max(255),
    created: z
      .int({ error: 'expected whole seconds since 1970' })
      .min(1, 'expected whole seconds since 1970')
      .max(253_402_300_799, 'expected whole seconds since 1970, before the year 10000'),
    data: z.object(
      { object: z.record(z.string(), z.unknown(), { error: 'expected the object the event is about' }) },
      { error: 'expected an object with the event’s object' },
    ),
  },
  { error: 'expected an event object with id, type, created and data' },
);

/** Why a signed body is not a Stripe event winback can store, as `field: sentence`, or null when it is one. */
export function describeEnvelopeProblem(event: unknown): string | null {
  const parsed = envelope.safeParse(event);
  if (parsed.success) return null;
  return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; ');
}

/**
 * The event as PostgreSQL can store it. Its text and jsonb types cannot hold U+0000, which free-text fields
 * a customer typed may carry: those become U+FFFD, the replacement character, rather than an event that can
 * never be stored and that Stripe would redeliver until it gives up. Anything else is stored as signed.
 */
export function storableEvent(json: string, event: unknown): { json: string; payload: unknown } {
  if (!json.includes('\\u0000')) return { json, payload: event };
  const payload = replaceNul(event);
  return { json: JSON.stringify(payload), payload };
}

function replaceNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD');
  if (Array.isArray(value)) return value.map(replaceNul);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [replaceNul(key), replaceNul(entry)]));
  }
  return value;
}
