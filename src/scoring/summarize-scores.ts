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
    prisma.$queryRaw<{ segment: string | null; accounts: number }[]>`
      SELECT s."rfmSegment" AS segment, count(*)::int4 AS accounts
      FROM "Account" a LEFT JOIN "AccountScore" s ON s."accountId" = a.id GROUP BY 1`,
    prisma.$queryRaw<{ currency: string; churned: number; priority: number }[]>`
      SELECT a.currency, count(*)::int4 AS churned, count(*) FILTER (WHERE s."paretoPriority")::int4 AS priority
      FROM "Account" a LEFT JOIN "AccountScore" s ON s."accountId" = a.id
      WHERE a.status = 'churned' GROUP BY a.currency ORDER BY a.currency`,
  ]);
  return {
    segments: segments.sort((a, b) => b.accounts - a.accounts || String(a.segment).localeCompare(String(b.segment))),
    pareto,
  };
}
