import type { Logger } from '../../log.ts';
import type { BillingEventInbox } from '../billing-events/billing-event-inbox.ts';
import { describeIssues, type EventProblem } from './describe-issues.ts';
import { apiEventSchema } from './event-schema.ts';
import { apiSource } from './map-api-event.ts';

/** accepted: stored and applied; failed: stored, applying failed, and the retry job will finish it. */
export type EventStatus = 'accepted' | 'duplicate' | 'rejected' | 'failed';

export interface EventResult {
  index: number;
  /** The event's id as sent, or null when it had none to echo. */
  id: string | null;
  status: EventStatus;
  errors?: EventProblem[];
}

/**
 * Checks, stores and applies a batch's events one at a time, in request order: a later event may depend on
 * an earlier one, such as a failed payment of an account the batch just created. A bad event rejects only itself.
 * `system` is the sender's name from the request; its stored events and accounts carry `api:<system>`.
 */
export async function receiveApiEvents(
  inbox: BillingEventInbox,
  system: string,
  events: readonly unknown[],
  logger: Logger,
): Promise<EventResult[]> {
  const results: EventResult[] = [];
  for (const [index, raw] of events.entries()) results.push(await receiveApiEvent(inbox, system, index, raw, logger));
  return results;
}

async function receiveApiEvent(
  inbox: BillingEventInbox,
  system: string,
  index: number,
  raw: unknown,
  logger: Logger,
): Promise<EventResult> {
  const parsed = apiEventSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      index,
      id: readId(raw),
      status: 'rejected',
      errors: describeIssues(parsed.error.issues, ['events', index]),
    };
  }

  const event = parsed.data;
  const result = await inbox.receive(
    {
      source: apiSource(system),
      eventId: event.id,
      type: event.type,
      occurredAt: new Date(event.occurredAt),
      // Exactly what was validated: the schema neither adds nor drops keys, so processing can parse it again.
      json: JSON.stringify(event),
      payload: event,
    },
    logger.child({ apiEventId: event.id, type: event.type }),
  );
  if (result.status === 'duplicate') return { index, id: event.id, status: 'duplicate' };
  return { index, id: event.id, status: result.status === 'failed' ? 'failed' : 'accepted' };
}

function readId(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}
