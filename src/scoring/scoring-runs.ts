import type { PrismaClient } from '../db/prisma.ts';
import { type ScoringStats, scoringStatsSchema } from './scoring-stats.ts';

const KEEP_RUNS_DAYS = 14;
// PostgreSQL's own advisory lock, like Prisma's migration lock: held by one open transaction for the whole run,
// so a run that dies (process, connection) releases it at once, with no stale lease to expire.
export const SCORING_LOCK = 81_726_354;

export type ScoringRunKind = 'full' | 'incremental';

/** Runs `work` while holding the one scoring lock; null, without running it, while another run (any instance) has it. */
export async function withScoringLock<T>(prisma: PrismaClient, work: () => Promise<T>): Promise<T | null> {
  return prisma.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<
        { locked: boolean }[]
      >`SELECT pg_try_advisory_xact_lock(${SCORING_LOCK}) AS locked`;
      if (!row?.locked) return null;
      return work();
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
}

/** The record of a run that starts now. */
export async function startScoringRun(prisma: PrismaClient, reason: string, asOf: Date): Promise<string> {
  const run = await prisma.scoringRun.create({ data: { kind: 'pending', reason, asOf }, select: { id: true } });
  return run.id;
}

/** Records what the run did; old runs are pruned on the way. */
export async function finishScoringRun(
  prisma: PrismaClient,
  id: string,
  result: { kind: ScoringRunKind; accounts: number; written: number; stats: ScoringStats | null },
): Promise<void> {
  await prisma.scoringRun.update({
    where: { id },
    data: {
      kind: result.kind,
      accounts: result.accounts,
      written: result.written,
      stats: result.stats ?? undefined,
      finishedAt: new Date(),
    },
  });
  // Keep the newest full run however old: incremental runs score against its statistics.
  const kinds = result.kind === 'full' ? undefined : { not: 'full' };
  await prisma.scoringRun.deleteMany({
    where: {
      startedAt: { lt: new Date(Date.now() - KEEP_RUNS_DAYS * 86_400_000) },
      finishedAt: { not: null },
      kind: kinds,
    },
  });
}

/** Marks a run that failed; the row stays, unfinished, as the record of it. */
export async function abandonScoringRun(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.scoringRun.update({ where: { id }, data: { kind: 'failed' } });
}

/** The statistics of the newest finished full run, and when it started; null before the first one. */
export async function loadLatestStats(prisma: PrismaClient): Promise<{ startedAt: Date; stats: ScoringStats } | null> {
  const run = await prisma.scoringRun.findFirst({
    where: { kind: 'full', finishedAt: { not: null } },
    orderBy: { finishedAt: 'desc' },
    select: { startedAt: true, stats: true },
  });
  if (!run) return null;
  return { startedAt: run.startedAt, stats: scoringStatsSchema.parse(run.stats) };
}
