import type { PrismaClient } from '../../db/prisma.ts';
import { requestRescore } from '../../jobs/scoring-jobs.ts';
import type { Logger } from '../../log.ts';
import { applyChange, type ChangeOutcome } from '../apply/apply-change.ts';
import { mapBillingEvent } from './map-billing-event.ts';

export type ProcessResult =
  | { status: 'processed'; outcomes: ChangeOutcome[] }
  | { status: 'skipped' }
  | { status: 'failed'; error: string };

/**
 * Applies one stored event's changes in one transaction and marks it processed. The row lock
 * (SKIP LOCKED) means the webhook and the retry job never process the same event twice; a
 * failure leaves the event stored and unprocessed for the retry job, with the error kept.
 */
export async function processBillingEvent(prisma: PrismaClient, id: string, logger: Logger): Promise<ProcessResult> {
  try {
    const result = await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "BillingEvent" WHERE id = ${id}::uuid AND "processedAt" IS NULL FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return { status: 'skipped' as const };

      const event = await tx.billingEvent.findUniqueOrThrow({ where: { id } });
      const outcomes: ChangeOutcome[] = [];
      for (const change of mapBillingEvent(event.source, event.payload)) outcomes.push(await applyChange(tx, change));
      await tx.billingEvent.update({
        where: { id },
        data: { processedAt: new Date(), attempts: { increment: 1 }, lastError: null },
      });
      return { status: 'processed' as const, outcomes };
    });
    if (result.status === 'processed') await requestRescore(prisma, 'billing_events', logger);
    return result;
  } catch (error) {
    // Prisma's messages span lines and quote source code; the first meaningful line is enough.
    const lines = (error as Error).message
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const message = (lines.at(-1) ?? 'unknown error').slice(0, 500);
    await prisma.billingEvent.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: message } });
    logger.error({ billingEventId: id, err: error }, 'billing event processing failed; the retry job will try again');
    return { status: 'failed', error: message };
  }
}
