import type { Query } from '../ingest/apply/query.ts';
import { type AccountFilter, SEGMENT_CELLS, scoreAccountsSql, scoringParameters } from './score-accounts-sql.ts';
import type { ScoringStats } from './scoring-stats.ts';

/** Heap blocks per statement: about 20,000 accounts, so each statement is a short transaction of its own. */
const PAGE_BLOCKS = 2048;
/** Statements in flight: one per core of a small server; more only queue on its disk. */
const WORKERS = 2;

export interface ScoredCounts {
  seen: number;
  written: number;
}

const BY_BLOCKS: AccountFilter = (alias) => `${alias}.ctid >= $5::tid AND ${alias}.ctid < $6::tid`;
const changedSince = (alias: string, parameter: string) =>
  `(${alias}."updatedAt" >= ${parameter}::timestamptz
    OR NOT EXISTS (SELECT FROM "AccountScore" s WHERE s."accountId" = ${alias}.id))`;

function runner(query: Query, stats: ScoringStats, scoredAt: Date) {
  const fixed = [scoringParameters(stats), SEGMENT_CELLS, new Date(stats.asOf), scoredAt];
  return async (filter: AccountFilter, parameters: unknown[]): Promise<ScoredCounts> => {
    const [counts] = await query<ScoredCounts>(scoreAccountsSql(filter), [...fixed, ...parameters]);
    return counts ?? { seen: 0, written: 0 };
  };
}

/**
 * Scores every account, a range of heap blocks per statement, in physical order: a sequential read of
 * "Account", and each statement commits on its own. Accounts ingest moves to a later range meanwhile are
 * seen again and, already equal, not written twice; accounts added meanwhile wait for the next run.
 */
export async function scoreAllPages(query: Query, stats: ScoringStats, scoredAt: Date): Promise<ScoredCounts> {
  const [size] = await query<{ blocks: number }>(
    `SELECT (pg_relation_size('"Account"') / current_setting('block_size')::int8)::int4 AS blocks`,
    [],
  );
  const starts: number[] = [];
  for (let start = 0; start < (size?.blocks ?? 0); start += PAGE_BLOCKS) starts.push(start);

  const score = runner(query, stats, scoredAt);
  const total: ScoredCounts = { seen: 0, written: 0 };
  const work = async () => {
    for (let start = starts.shift(); start !== undefined; start = starts.shift()) {
      const counts = await score(BY_BLOCKS, [`(${start},0)`, `(${start + PAGE_BLOCKS},0)`]);
      total.seen += counts.seen;
      total.written += counts.written;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, work));
  return total;
}

/** Scores the accounts changed since `since` (by their updatedAt) or never scored, in one statement. */
export async function scoreChangedAccounts(
  query: Query,
  stats: ScoringStats,
  scoredAt: Date,
  since: Date,
): Promise<ScoredCounts> {
  return runner(query, stats, scoredAt)((alias) => changedSince(alias, '$5'), [since]);
}

/** How many accounts scoreChangedAccounts would look at, and their currencies. */
export async function countChangedAccounts(
  query: Query,
  since: Date,
): Promise<{ accounts: number; changed: number; currencies: string[] }> {
  const [row] = await query<{ accounts: number; changed: number; currencies: string[] | null }>(
    `SELECT count(*)::int4 AS accounts, count(*) FILTER (WHERE ${changedSince('a', '$1')})::int4 AS changed,
       array_agg(DISTINCT currency) FILTER (WHERE ${changedSince('a', '$1')}) AS currencies
     FROM "Account" a`,
    [since],
  );
  return { accounts: row?.accounts ?? 0, changed: row?.changed ?? 0, currencies: row?.currencies ?? [] };
}
