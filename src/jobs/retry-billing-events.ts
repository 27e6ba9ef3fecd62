import type { Database } from '../db/prisma.ts';
import { processStoredEvent } from '../ingest/billing-events/process-billing-event.ts';
import type { Logger } from '../log.ts';
import { createQueueSafely, type JobQueue } from './job-queue.ts';
import { QUEUES } from './queues.ts';

// Leaves a just-received event to the request that is processing it.
const GRACE_MS = 60_000;
const BATCH = 500;
// An event that failed this often needs a person (its lastError says why), not another retry;
// without a limit, a few broken events at the head of the queue would starve every newer one.
export const MAX_ATTEMPTS = 10;

/** Processes stored events that failed or were left behind by a crash, oldest first. */
export async function retryBillingEvents(db: Database, logger: Logger, now = new Date()): Promise<number> {
  const pending = await db.prisma.billingEvent.findMany({
    where: {
      processedAt: null,
      attempts: { lt: MAX_ATTEMPTS },
      receivedAt: { lt: new Date(now.getTime() - GRACE_MS) },
    },
    orderBy: [{ attempts: 'asc' }, { occurredAt: 'asc' }],
    take: BATCH,
    select: { id: true },
  });
  let processed = 0;
  for (const { id } of pending) {
    const result = await processStoredEvent(db, id, logger);
    if (result.status === 'processed') processed += 1;
  }
  return processed;
}

/** Every five minutes, on one instance only: pg-boss's schedule fires once per slot across instances. */
export async function scheduleBillingEventRetries(jobs: JobQueue, db: Database, logger: Logger) {
  await createQueueSafely(jobs.boss, QUEUES.retryBillingEvents);
  await jobs.boss.schedule(QUEUES.retryBillingEvents, '*/5 * * * *');
  await jobs.boss.work(QUEUES.retryBillingEvents, async ([job]) => {
    const started = Date.now();
    const processed = await retryBillingEvents(db, logger);
    logger.info({ jobId: job?.id, queue: QUEUES.retryBillingEvents, processed, ms: Date.now() - started }, 'job done');
  });
}
