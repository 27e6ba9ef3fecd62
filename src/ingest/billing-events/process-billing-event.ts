import type { Database } from '../../db/prisma.ts';
import { requestRescore } from '../../jobs/scoring-jobs.ts';
import type { Logger } from '../../log.ts';
import { applyChange, type ChangeOutcome } from '../apply/apply-change.ts';
import { inPgTransaction, type Query } from '../apply/query.ts';
import type { IngestChange } from '../changes.ts';
import { mapBillingEvent } from './map-billing-event.ts';

export type ProcessResult =
  | { status: 'processed'; outcomes: ChangeOutcome[] }
  | { status: 'skipped' }
  | { status: 'failed'; error: string };

/** Applies an event's changes one after another, in the caller's transaction. */
export async function applyChanges(query: Query, changes: IngestChange[]): Promise<ChangeOutcome[]> {
  const outcomes: ChangeOutcome[] = [];
  for (const change of changes) outcomes.push(await applyChange(query, change));
  return outcomes;
}

/** The error kept on the event for whoever looks at it: one line, bounded. */
export function describeFailure(error: unknown): string {
  const lines = String((error as Error)?.message ?? error)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? 'unknown error').slice(0, 500);
}

/**
 * Applies a stored, unprocessed event (one a request failed to apply or never got to) in one transaction
 * and marks it processed. The row lock (SKIP LOCKED) means two retry runs never apply the same event;
 * a failure leaves it stored and unprocessed, with the error kept and the attempt counted.
 */
export async function processStoredEvent(db: Database, id: string, logger: Logger): Promise<ProcessResult> {
  try {
    const result = await inPgTransaction(db.pool, async (query): Promise<ProcessResult> => {
      const [event] = await query<{ source: string; payload: unknown }>(
        `SELECT "source", "payload" FROM "BillingEvent" WHERE id = $1 AND "processedAt" IS NULL FOR UPDATE SKIP LOCKED`,
        [id],
      );
      if (!event) return { status: 'skipped' };
      const outcomes = await applyChanges(query, mapBillingEvent(event.source, event.payload));
      await query(
        `UPDATE "BillingEvent" SET "processedAt" = now(), "attempts" = "attempts" + 1, "lastError" = NULL WHERE id = $1`,
        [id],
      );
      return { status: 'processed', outcomes };
    });
    if (result.status === 'processed') await requestRescore(db.prisma, 'billing_events', logger);
    return result;
  } catch (error) {
    const message = describeFailure(error);
    await db.pool.query(
      `UPDATE "BillingEvent" SET "attempts" = "attempts" + 1, "lastError" = $2 WHERE id = $1 AND "processedAt" IS NULL`,
      [id, message],
    );
    logger.error({ billingEventId: id, err: error }, 'billing event processing failed; the retry job will try again');
    return { status: 'failed', error: message };
  }
}
