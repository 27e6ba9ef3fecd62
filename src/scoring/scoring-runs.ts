import type { PrismaClient } from '../db/prisma.ts';
import { type ScoringStats, scoringStatsSchema } from './scoring-stats.ts';

// A run that crashed keeps its lease; after this long another run may take it over.
const STALE_LEASE_MINUTES = 30;
const KEEP_RUNS_DAYS = 14;

export type ScoringRunKind = 'full' | 'incremental';

/**
 * Claims the one scoring lease: a new ScoringRun row whose `lease` is unique while running. Returns its id,
 * or null while another run (any instance) holds it. A lease older than 30 minutes is taken as crashed.
 */
export async function claimScoringRun(prisma: PrismaClient, reason: string, asOf: Date): Promise<string | null> {
  await prisma.$executeRaw`
    UPDATE "ScoringRun" SET lease = NULL
    WHERE lease IS NOT NULL AND "startedAt" < now() - make_interval(mins => ${STALE_LEASE_MINUTES})`;
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "ScoringRun" (kind, reason, "asOf", lease) VALUES ('pending', ${reason}, ${asOf}, 'running')
    ON CONFLICT (lease) DO NOTHING RETURNING id::text`;
  return claimed[0]?.id ?? null;
}

/** Records what the run did and gives the lease up; old runs are pruned on the way. */
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
      lease: null,
    },
  });
  // Keep the newest full run however old: incremental runs score against its statistics.
  const kinds = result.kind === 'full' ? undefined : { not: 'full' };
  await prisma.scoringRun.deleteMany({
    where: { startedAt: { lt: new Date(Date.now() - KEEP_RUNS_DAYS * 86_400_000) }, lease: null, kind: kinds },
  });
}

/** Gives the lease up after a failure; the row stays, unfinished, as the record of it. */
export async function abandonScoringRun(prisma: PrismaClient, id: string): Promise<void> {
  await prisma.scoringRun.update({ where: { id }, data: { kind: 'failed', lease: null } });
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
