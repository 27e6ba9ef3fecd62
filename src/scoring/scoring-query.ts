import type { PrismaClient } from '../db/prisma.ts';
import { type Query, queryInTransaction } from '../ingest/apply/query.ts';

/** Room to hash and sort a slice of accounts, or the distinct values of an RFM axis, in memory, not on disk. */
export const SCORING_WORK_MEM = `SET LOCAL work_mem = '64MB'`;

/** Each statement in a short transaction of its own, with scoring's work_mem. */
export function scoringQuery(prisma: PrismaClient): Query {
  return <Row>(sql: string, parameters: unknown[]) =>
    prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(SCORING_WORK_MEM);
        return queryInTransaction(tx)<Row>(sql, parameters);
      },
      { timeout: 15 * 60_000, maxWait: 60_000 },
    );
}
