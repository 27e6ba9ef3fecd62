import type { Database } from '../../db/prisma.ts';
import { requestRescore } from '../../jobs/scoring-jobs.ts';
import type { Logger } from '../../log.ts';
import type { ChangeOutcome } from '../apply/apply-change.ts';
import { inPgTransaction, type Query, queryOverPg } from '../apply/query.ts';
import type { AccountRef } from '../changes.ts';
import { mapBillingEvent } from './map-billing-event.ts';
import { applyChanges, describeFailure } from './process-billing-event.ts';

export interface IncomingBillingEvent {
  source: string;
  eventId: string;
  type: string;
  occurredAt: Date;
  /** The event as JSON text, stored as it came. */
  json: string;
  /** The same event, parsed. */
  payload: unknown;
}

/** failed: stored, applying failed, and the retry job will finish it. */
export type ReceiveResult =
  | { status: 'processed'; outcomes: ChangeOutcome[] }
  | { status: 'duplicate' }
  | { status: 'failed'; error: string };

interface Delivery {
  event: IncomingBillingEvent;
  logger: Logger;
  settle: (result: ReceiveResult) => void;
  fail: (error: unknown) => void;
}

const key = (event: { source: string; eventId: string }) => `${event.source}\u0000${event.eventId}`;

/**
 * Stores each event once by (source, event id) and returns the keys of those not stored before. Processed
 * unless `lastError` is given: then kept unprocessed, with the error, for the retry job.
 */
async function storeEvents(
  query: Query,
  events: IncomingBillingEvent[],
  lastError: string | null = null,
): Promise<Set<string>> {
  const stored = await query<{ source: string; eventId: string }>(
    `INSERT INTO "BillingEvent" ("source", "eventId", "type", "occurredAt", "payload", "processedAt", "attempts",
       "lastError")
     SELECT source, "eventId", type, "occurredAt", payload::jsonb, CASE WHEN $6::text IS NULL THEN now() END, 1, $6
     FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[])
       AS incoming(source, "eventId", type, "occurredAt", payload)
     ON CONFLICT ("source", "eventId") DO NOTHING RETURNING "source", "eventId"`,
    [
      events.map((event) => event.source),
      events.map((event) => event.eventId),
      events.map((event) => event.type),
      events.map((event) => event.occurredAt),
      events.map((event) => event.json),
      lastError,
    ],
  );
  return new Set(stored.map(key));
}

export interface InboxOptions {
  /** Most deliveries in one transaction. */
  maxBatch: number;
  /** Transactions in flight at once, each on its own connection. */
  parallel: number;
}

/**
 * Where webhook and events-API deliveries are stored and applied. Deliveries that arrive while earlier
 * ones are being written wait and then go together: one transaction, one multi-row insert, then each new
 * event's changes in arrival order. Under load a webhook costs a fraction of a round trip and a commit
 * instead of four round trips of its own; alone, it goes at once. A redelivery is recognised by the insert
 * and applies nothing. When a batch fails, each of its deliveries is tried on its own, so one bad event
 * fails only itself: it is stored unprocessed with the error for the retry job. Either way the sender's 2xx
 * only ever follows a stored event.
 */
export class BillingEventInbox {
  private readonly waiting: Delivery[] = [];
  private writers = 0;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly options: InboxOptions = { maxBatch: 100, parallel: 2 },
  ) {}

  receive(event: IncomingBillingEvent, logger: Logger): Promise<ReceiveResult> {
    return new Promise((settle, fail) => {
      this.waiting.push({ event, logger, settle, fail });
      if (this.writers < this.options.parallel) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writers += 1;
    try {
      for (let batch = this.take(); batch.length > 0; batch = this.take()) await this.writeBatch(batch);
    } finally {
      this.writers -= 1;
    }
  }

  private take(): Delivery[] {
    return this.waiting.splice(0, this.options.maxBatch);
  }

  private async writeBatch(batch: Delivery[]): Promise<void> {
    let results: ReceiveResult[];
    try {
      results = await inPgTransaction(this.db.pool, (query) => applyNew(query, batch));
    } catch (error) {
      if (batch.length > 1) {
        this.logger.warn({ err: error, events: batch.length }, 'a batch of billing events failed; trying each alone');
        for (const delivery of batch) await this.writeBatch([delivery]);
        return;
      }
      await this.storeFailed(batch[0] as Delivery, error);
      return;
    }
    if (results.some((result) => result.status === 'processed')) {
      await requestRescore(this.db.prisma, 'billing_events', this.logger);
    }
    for (const [index, delivery] of batch.entries()) delivery.settle(results[index] as ReceiveResult);
  }

  private async storeFailed(delivery: Delivery, error: unknown): Promise<void> {
    const message = describeFailure(error);
    delivery.logger.error({ err: error }, 'billing event stored unprocessed; the retry job will try again');
    try {
      const stored = await storeEvents(queryOverPg(this.db.pool), [delivery.event], message);
      // Stored meanwhile by a redelivery that applied it: nothing is left to retry.
      delivery.settle(stored.size === 0 ? { status: 'duplicate' } : { status: 'failed', error: message });
    } catch (storeError) {
      // Not stored at all: the sender gets an error and delivers it again.
      delivery.fail(storeError);
    }
  }
}

const accountKey = (account: AccountRef) => `${account.source}\u0000${account.externalId}`;

/**
 * Stores the batch's events and applies the new ones. Their statements go out pipelined, each event's as
 * soon as it is ready, except that events about the same account go one after another, in arrival order.
 */
async function applyNew(query: Query, batch: Delivery[]): Promise<ReceiveResult[]> {
  const fresh = await storeEvents(
    query,
    batch.map((delivery) => delivery.event),
  );
  const latestOnAccount = new Map<string, Promise<unknown>>();
  const work = batch.map(({ event }): Promise<ReceiveResult> => {
    // delete: the same event twice in one batch is applied once, and the second is a duplicate.
    if (!fresh.delete(key(event))) return Promise.resolve({ status: 'duplicate' });
    let changes: ReturnType<typeof mapBillingEvent>;
    try {
      changes = mapBillingEvent(event.source, event.payload);
    } catch (error) {
      return Promise.reject(error);
    }
    const accounts = [...new Set(changes.flatMap((change) => (change.account ? [accountKey(change.account)] : [])))];
    const done = Promise.all(accounts.map((account) => latestOnAccount.get(account)))
      .then(() => applyChanges(query, changes))
      .then((outcomes): ReceiveResult => ({ status: 'processed', outcomes }));
    for (const account of accounts)
      latestOnAccount.set(
        account,
        done.catch(() => undefined),
      );
    return done;
  });
  // Every chain settles before the transaction ends, so none sends a statement after its ROLLBACK.
  const settled = await Promise.allSettled(work);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<ReceiveResult>).value);
}
