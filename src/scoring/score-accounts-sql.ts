import { RFM_SEGMENT_GRID } from '../domain/scoring/rfm-segments.ts';
import {
  FREQUENCY,
  LOST_MRR,
  lostValueSql,
  MONETARY,
  REVENUE_SO_FAR,
  REVENUE_SOURCE,
  recencyValue,
} from './account-metrics-sql.ts';
import type { CurrencyStats, ScoringStats, Thresholds } from './scoring-stats.ts';

// The statement that writes the scores of the accounts a filter picks, from stored statistics.

const PARAMETERS = `jsonb_to_recordset($1::jsonb) AS p(
  currency text, "grossMargin" float8, "monthlyChurnRate" float8,
  r2 int8, r3 int8, r4 int8, r5 int8, f2 int8, f3 int8, f4 int8, f5 int8, m2 int8, m3 int8, m4 int8, m5 int8,
  "cutLostValue" int8, "cutId" uuid)`;

/** The score of the highest threshold the value reaches, else 1; an unknown value scores 1. */
function quintile(value: string, axis: 'r' | 'f' | 'm'): string {
  const reaches = [5, 4, 3].map((score) => `WHEN ${value} >= ${axis}${score} THEN ${score}`).join(' ');
  return `CASE WHEN ${value} IS NULL THEN 1 ${reaches} WHEN ${value} >= ${axis}2 THEN 2 ELSE 1 END`;
}

/** RFM_SEGMENT_GRID flattened: cell (R, FM) is element (R − 1) × 5 + FM, 1-based as SQL arrays are. */
export const SEGMENT_CELLS: string[] = ([1, 2, 3, 4, 5] as const).flatMap((recency) => [...RFM_SEGMENT_GRID[recency]]);

/** Which accounts a statement scores, as SQL with parameters from $5. */
export interface AccountFilter {
  /** Over the account `a` and its stored scores `stored` (stored."accountId" is NULL when it has none). */
  accounts: string;
  /** The same restriction over "StoredAccountScore" `s` where it can be said, so only those scores are read. */
  scores: string;
}

/**
 * The columns of "StoredAccountScore" a run writes, in the order scoreAccountsSql selects them; the CLV and
 * lost value are computed from them and the currency's row by the AccountScore view.
 */
const SCORE_COLUMNS = [
  'currency',
  'rfmRecency',
  'rfmFrequency',
  'rfmMonetary',
  'rfmSegment',
  'paretoPriority',
  'revenueSoFarMinor',
  'revenueSource',
  'lostMrrMinor',
];
/** The columns of the fresh CTE that become them, in the same order. */
const FRESH_COLUMNS = ['currency', 'r', 'f', 'm', 'segment', 'priority', 'revenue', 'source', 'lost_mrr'];
const freshValues = (alias = '') => FRESH_COLUMNS.map((column) => `${alias}${column}`).join(', ');
const FRESH_VALUES = freshValues();
const quoted = (columns: string[], alias = '') => columns.map((column) => `${alias}"${column}"`).join(', ');

/**
 * Every account `filter` picks with its fresh scores as the FRESH_COLUMNS, beside its stored scores (`stored`,
 * NULL without any) and their key (`stored_id`) when `compare`; without, for a table that holds none yet.
 */
function freshScores(filter: AccountFilter, compare: boolean): string {
  const stored = compare ? 'stored, stored_id,' : '';
  const storedJoin = compare
    ? `LEFT JOIN (
          SELECT s."accountId", (${quoted(SCORE_COLUMNS, 's.')}) AS stored
          FROM "StoredAccountScore" s WHERE ${filter.scores}
        ) stored ON stored."accountId" = a.id`
    : '';
  // Each OFFSET 0 keeps a level from being merged into the next: PostgreSQL would then repeat an expression
  // at every reference (the recency five times in its quintile), where now each is computed once per account.
  return `SELECT id, ${stored} currency, r::int2 AS r, f::int2 AS f, m::int2 AS m,
      ($2::text[])[(r - 1) * 5 + (f + m + 1) / 2] AS segment,
      coalesce(lost_value > "cutLostValue" OR (lost_value = "cutLostValue" AND id <= "cutId"), false) AS priority,
      revenue, source, lost_mrr
    FROM (
      SELECT *, ${quintile('recency', 'r')} AS r, ${quintile('frequency', 'f')} AS f, ${quintile('monetary', 'm')} AS m
      FROM (
        SELECT a.id, p.*, ${compare ? 'stored.stored, stored."accountId" AS stored_id,' : ''}
          coalesce(${REVENUE_SO_FAR}, 0) AS revenue, ${REVENUE_SOURCE} AS source,
          ${LOST_MRR} AS lost_mrr, ${lostValueSql('p."grossMargin"', 'p."monthlyChurnRate"')} AS lost_value,
          ${recencyValue('$3::timestamptz')} AS recency, ${FREQUENCY} AS frequency, ${MONETARY} AS monetary
        FROM "Account" a JOIN ${PARAMETERS} ON p.currency = a.currency
        ${storedJoin}
        WHERE ${filter.accounts}
        OFFSET 0
      ) measured
      OFFSET 0
    ) scored`;
}

// In id order, so each new entry of the primary key lands beside the previous one instead of on a random page.
const insertFresh = (
  where: string,
) => `INSERT INTO "StoredAccountScore" ("accountId", ${quoted(SCORE_COLUMNS)}, "scoredAt")
    SELECT id, ${FRESH_VALUES}, $4::timestamptz FROM fresh ${where} ORDER BY id
    RETURNING 1`;

/**
 * Scores the accounts `filter` picks and writes the "StoredAccountScore" rows that are new or differ from the
 * stored ones: a run that changes nothing writes nothing, so scoredAt says when the scores last changed.
 * An account in a currency the statistics lack is left alone. Returns how many it wrote. `compare: false`
 * is for a table that holds no scores at all: every score is inserted, none looked for.
 */
export function scoreAccountsSql(filter: AccountFilter, compare = true): string {
  if (!compare) {
    return `WITH fresh AS (${freshScores(filter, false)}), inserted AS (${insertFresh('')})
    SELECT count(*)::int4 AS written FROM inserted`;
  }
  // A new score is inserted, a stored one that differs updated. The update finds its rows by key within the
  // filter's scores: joined by ctid instead, PostgreSQL hashes every row of the table for each statement.
  return `WITH fresh AS (${freshScores(filter, true)}), inserted AS (${insertFresh('WHERE stored_id IS NULL')}),
  updated AS (
    UPDATE "StoredAccountScore" s SET (${quoted(SCORE_COLUMNS)}, "scoredAt") = (${freshValues('fresh.')}, $4::timestamptz)
    FROM fresh WHERE s."accountId" = fresh.stored_id AND ${filter.scores}
      AND fresh.stored IS DISTINCT FROM ROW(${freshValues('fresh.')})
    RETURNING 1
  )
  SELECT ((SELECT count(*) FROM inserted) + (SELECT count(*) FROM updated))::int4 AS written`;
}

const flat = (thresholds: Thresholds, axis: string) =>
  Object.fromEntries(thresholds.map((value, index) => [`${axis}${index + 2}`, value]));

/** $1 of scoreAccountsSql: one record per currency. */
export function scoringParameters(stats: ScoringStats): string {
  return JSON.stringify(
    stats.currencies.map((currency: CurrencyStats) => ({
      currency: currency.currency,
      grossMargin: currency.grossMargin,
      monthlyChurnRate: currency.monthlyChurnRate,
      ...flat(currency.recency, 'r'),
      ...flat(currency.frequency, 'f'),
      ...flat(currency.monetary, 'm'),
      cutLostValue: currency.paretoCut?.lostValueMinor ?? null,
      cutId: currency.paretoCut?.id ?? null,
    })),
  );
}
