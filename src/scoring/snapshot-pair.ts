import type { PrismaClient } from '../db/prisma.ts';
import { type Query, queryInTransaction } from '../ingest/apply/query.ts';
import { SCORING_WORK_MEM } from './scoring-query.ts';

const OPTIONS = { isolationLevel: 'RepeatableRead', timeout: 15 * 60_000, maxWait: 60_000 } as const;

/**
 * Runs `work` with two connections that read one snapshot: a REPEATABLE READ transaction exports its
 * snapshot and a second one imports it, so two statements can read the same figures at the same time,
 * one per core. Both roll back when `work` throws; neither writes.
 */
export async function inSnapshotPair<T>(prisma: PrismaClient, work: (first: Query, second: Query) => Promise<T>) {
  return prisma.$transaction(async (first) => {
    const exported = await queryInTransaction(first)<{ snapshot: string }>(
      'SELECT pg_export_snapshot() AS snapshot',
      [],
    );
    await first.$executeRawUnsafe(SCORING_WORK_MEM);
    return prisma.$transaction(async (second) => {
      // Before any other statement of the transaction, as PostgreSQL requires.
      await second.$executeRawUnsafe(`SET TRANSACTION SNAPSHOT '${exported[0]?.snapshot}'`);
      await second.$executeRawUnsafe(SCORING_WORK_MEM);
      return work(queryInTransaction(first), queryInTransaction(second));
    }, OPTIONS);
  }, OPTIONS);
}
