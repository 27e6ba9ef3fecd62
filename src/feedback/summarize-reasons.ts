import type { PrismaClient } from '../db/prisma.ts';
import type { ChurnReason } from '../domain/churn-reason.ts';
import type { Money } from '../domain/money.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { ReportPeriod } from './parse-period.ts';

export interface ReasonLine {
  reason: ChurnReason | 'unknown';
  accounts: number;
  lostMrr: Money[];
}

/** A requested feature or a competitor, as customers named it (case and spaces aside). */
export interface NamedLine {
  name: string;
  accounts: number;
  lostMrr: Money[];
}

export interface ReasonsSummary {
  period: ReportPeriod;
  churnedAccounts: number;
  lostMrr: Money[];
  reasons: ReasonLine[];
  features: NamedLine[];
  competitors: NamedLine[];
}

/** Features and competitors shown at most. */
export const TOP_NAMED = 5;

type Row = { key: string | null; name: string | null; currency: string; accounts: number; lost: bigint | null };

const money = (row: Row): Money => ({ minor: Number(row.lost ?? 0), currency: row.currency });

// Lost MRR is the MRR the churn took, or the last MRR when the billing system gave none.
const LOST = Prisma.sql`COALESCE(a."lostMrrMinor", a."mrrMinor")`;

/**
 * Why accounts left in a period, most valuable first: per churn reason, the accounts that churned in
 * it (by churn date, else when winback first saw them churned) and their lost MRR; and the features
 * and competitors named in feedback logged in it, each account counted once per name.
 */
export async function summarizeReasons(prisma: PrismaClient, period: ReportPeriod): Promise<ReasonsSummary> {
  const churnedAt = Prisma.sql`COALESCE(a."churnedAt", a."churnSeenAt")`;
  const [reasonRows, features, competitors] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT a."churnReason"::text AS key, NULL AS name, a.currency,
        COUNT(*)::int AS accounts, SUM(${LOST})::bigint AS lost
      FROM "Account" a
      WHERE ${churnedAt} >= ${period.start} AND ${churnedAt} < ${period.end}
      GROUP BY 1, 3`,
    namedInFeedback(prisma, Prisma.raw('"requestedFeature"'), period),
    namedInFeedback(prisma, Prisma.raw('"competitor"'), period),
  ]);

  const reasons = merge(reasonRows).map(({ key, accounts, lostMrr }) => ({
    reason: (key ?? 'unknown') as ChurnReason | 'unknown',
    accounts,
    lostMrr,
  }));
  return {
    period,
    churnedAccounts: reasons.reduce((sum, line) => sum + line.accounts, 0),
    lostMrr: reasonRows.map(money),
    reasons: mostValuableFirst(reasons),
    features: mostValuableFirst(features).slice(0, TOP_NAMED),
    competitors: mostValuableFirst(competitors).slice(0, TOP_NAMED),
  };
}

async function namedInFeedback(prisma: PrismaClient, column: Prisma.Sql, period: ReportPeriod): Promise<NamedLine[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    WITH mentions AS (
      SELECT lower(btrim(f.${column})) AS key, min(btrim(f.${column})) AS name, f."accountId"
      FROM "Feedback" f
      WHERE btrim(coalesce(f.${column}, '')) <> ''
        AND f."createdAt" >= ${period.start} AND f."createdAt" < ${period.end}
      GROUP BY 1, 3
    )
    SELECT m.key, min(m.name) AS name, a.currency, COUNT(*)::int AS accounts, SUM(${LOST})::bigint AS lost
    FROM mentions m JOIN "Account" a ON a.id = m."accountId"
    GROUP BY 1, 3`;
  return merge(rows).map(({ name, accounts, lostMrr }) => ({ name: name ?? '', accounts, lostMrr }));
}

/** One line per key, its currencies side by side (never added together). */
function merge(rows: Row[]) {
  const lines = new Map<
    string | null,
    { key: string | null; name: string | null; accounts: number; lostMrr: Money[] }
  >();
  for (const row of rows) {
    const line = lines.get(row.key) ?? { key: row.key, name: row.name, accounts: 0, lostMrr: [] };
    line.accounts += row.accounts;
    line.lostMrr.push(money(row));
    lines.set(row.key, line);
  }
  return [...lines.values()];
}

/**
 * Most lost MRR first, in the currency that lost the most overall (amounts in different currencies
 * cannot be compared without rates winback does not have), then most accounts.
 */
export function mostValuableFirst<T extends { accounts: number; lostMrr: Money[] }>(lines: T[]): T[] {
  const totals = new Map<string, number>();
  for (const { minor, currency } of lines.flatMap((line) => line.lostMrr)) {
    totals.set(currency, (totals.get(currency) ?? 0) + minor);
  }
  const main = [...totals.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const value = (line: T) =>
    line.lostMrr.filter((money) => money.currency === main).reduce((sum, m) => sum + m.minor, 0);
  return [...lines].sort((a, b) => value(b) - value(a) || b.accounts - a.accounts);
}
