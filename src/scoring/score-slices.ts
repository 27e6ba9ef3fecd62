import type { Query } from '../ingest/apply/query.ts';
import { type AccountFilter, SEGMENT_CELLS, scoreAccountsSql, scoringParameters } from './score-accounts-sql.ts';
import type { ScoringStats } from './scoring-stats.ts';

/** Accounts per statement at most: small enough for a slice's scores to hash within scoring's work_mem. */
const SLICE_ACCOUNTS = 250_000;
/** Statements in flight: one per core of a small server; more only queue on its disk. */
const WORKERS = 2;

export interface ScoredCounts {
  /** The accounts the statistics counted, or the changed ones: a statement that also counted the accounts it
   * saw would have to keep them all in memory to read them twice. */
  seen: number;
  written: number;
}

// A range of ids, on both tables, so each statement hash-joins its accounts to their stored scores.
const BY_IDS: AccountFilter = {
  accounts: 'a.id >= $5::uuid AND ($6::uuid IS NULL OR a.id < $6::uuid)',
  scores: 's."accountId" >= $5::uuid AND ($6::uuid IS NULL OR s."accountId" < $6::uuid)',
};
// Changed since the last full run, or never scored. The score is joined (a hash join), not looked up per
// account: NOT EXISTS inside an OR would be a key lookup for every account.
const changedSince = (parameter: string) =>
  `(a."updatedAt" >= ${parameter}::timestamptz OR stored."accountId" IS NULL)`;

function runner(query: Query, stats: ScoringStats, scoredAt: Date, compare = true) {
  const fixed = [scoringParameters(stats), SEGMENT_CELLS, new Date(stats.asOf), scoredAt];
  return async (filter: AccountFilter, parameters: unknown[]): Promise<number> => {
    const [counts] = await query<{ written: number }>(scoreAccountsSql(filter, compare), [...fixed, ...parameters]);
    return counts?.written ?? 0;
  };
}

/** `slices` equal ranges of the uuid space, [from, to) with `to` null for the last: random ids fill them evenly. */
export function idSlices(slices: number): [string, string | null][] {
  const uuidAt = (index: number) => {
    const hex = ((2n ** 128n * BigInt(index)) / BigInt(slices)).toString(16).padStart(32, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return Array.from({ length: slices }, (_, index) => [uuidAt(index), index === slices - 1 ? null : uuidAt(index + 1)]);
}

/**
 * Scores every account, a range of ids per statement, each statement committing on its own: it reads the
 * accounts and the stored scores of its range sequentially and hash-joins them, which costs far less per
 * account than looking each score up by key. Accounts added meanwhile wait for the next run.
 */
export async function scoreAllAccounts(query: Query, stats: ScoringStats, scoredAt: Date): Promise<ScoredCounts> {
  const accounts = stats.currencies.reduce((sum, currency) => sum + currency.accounts, 0);
  const slices = idSlices(Math.max(WORKERS, Math.ceil(accounts / SLICE_ACCOUNTS)));

  // The first run finds no scores to compare with: it only inserts.
  const [stored] = await query<{ any: boolean }>('SELECT EXISTS (SELECT FROM "StoredAccountScore") AS any', []);
  const score = runner(query, stats, scoredAt, stored?.any ?? true);
  const total: ScoredCounts = { seen: accounts, written: 0 };
  const work = async () => {
    for (let slice = slices.shift(); slice !== undefined; slice = slices.shift()) {
      // Awaited first: `total.written += await …` would add to the value read before another worker's.
      const written = await score(BY_IDS, slice);
      total.written += written;
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
): Promise<number> {
  return runner(query, stats, scoredAt)({ accounts: changedSince('$5'), scores: 'true' }, [since]);
}

/** How many accounts scoreChangedAccounts would look at, and their currencies. */
export async function countChangedAccounts(
  query: Query,
  since: Date,
): Promise<{ accounts: number; changed: number; currencies: string[] }> {
  const [row] = await query<{ accounts: number; changed: number; currencies: string[] | null }>(
    `SELECT count(*)::int4 AS accounts, count(*) FILTER (WHERE changed)::int4 AS changed,
       array_agg(DISTINCT currency) FILTER (WHERE changed) AS currencies
     FROM (
       SELECT a.currency, ${changedSince('$1')} AS changed
       FROM "Account" a LEFT JOIN "StoredAccountScore" stored ON stored."accountId" = a.id
     ) AS accounts`,
    [since],
  );
  return { accounts: row?.accounts ?? 0, changed: row?.changed ?? 0, currencies: row?.currencies ?? [] };
}
