import type { PrismaClient } from '../db/prisma.ts';

export interface ScoreSummary {
  /** Accounts per RFM segment, most first; `null` counts accounts not scored yet. */
  segments: { segment: string | null; accounts: number }[];
  /** Per currency: churned accounts and how many of them carry the Pareto priority flag. */
  pareto: { currency: string; churned: number; priority: number }[];
}

/** What the stored scores add up to, for `winback score` and the docs' Telco figures. */
export async function summarizeScores(prisma: PrismaClient): Promise<ScoreSummary> {
  const [segments, pareto] = await Promise.all([
    prisma.account.groupBy({ by: ['rfmSegment'], _count: { _all: true } }),
    prisma.$queryRaw<{ currency: string; churned: number; priority: number }[]>`
      SELECT currency, count(*)::int4 AS churned, count(*) FILTER (WHERE "paretoPriority")::int4 AS priority
      FROM "Account" WHERE status = 'churned' GROUP BY currency ORDER BY currency`,
  ]);
  return {
    segments: segments
      .map((row) => ({ segment: row.rfmSegment, accounts: row._count._all }))
      .sort((a, b) => b.accounts - a.accounts || String(a.segment).localeCompare(String(b.segment))),
    pareto,
  };
}
