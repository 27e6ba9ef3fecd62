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

// The statement that writes every score column of the accounts a filter picks, from stored statistics.

const PARAMETERS = `jsonb_to_recordset($1::jsonb) AS p(
  currency text, "futureValueMinor" int8, "grossMargin" float8, "monthlyChurnRate" float8, shared jsonb,
  r2 int8, r3 int8, r4 int8, r5 int8, f2 int8, f3 int8, f4 int8, f5 int8, m2 int8, m3 int8, m4 int8, m5 int8,
  "cutLostValue" int8, "cutId" uuid)`;

/** The score of the highest threshold the value reaches, else 1; an unknown value scores 1. */
function quintile(value: string, axis: 'r' | 'f' | 'm'): string {
  const reaches = [5, 4, 3].map((score) => `WHEN ${value} >= p.${axis}${score} THEN ${score}`).join(' ');
  return `CASE WHEN ${value} IS NULL THEN 1 ${reaches} WHEN ${value} >= p.${axis}2 THEN 2 ELSE 1 END`;
}

/** RFM_SEGMENT_GRID flattened: cell (R, FM) is element (R − 1) × 5 + FM, 1-based as SQL arrays are. */
export const SEGMENT_CELLS: string[] = ([1, 2, 3, 4, 5] as const).flatMap((recency) => [...RFM_SEGMENT_GRID[recency]]);

/**
 * Which accounts a statement scores: SQL over the given alias of "Account", with parameters from $5. The
 * statement applies it to the rows it reads and, when `onTarget` is set, to the rows it updates as well,
 * which a block range needs to stay a range scan; a selective filter is better left to the id join.
 */
export interface AccountFilter {
  where: (alias: string) => string;
  onTarget: boolean;
}

/**
 * UPDATE of the accounts `filter` picks, skipping every account whose stored scores already equal the new
 * ones: PostgreSQL writes a whole new row version for any update, so a run that changes nothing writes
 * nothing. An account in a currency the statistics lack is left alone. Returns the counts seen and written.
 */
export function scoreAccountsSql(filter: AccountFilter): string {
  return `WITH scored AS (
    SELECT a.id, p."futureValueMinor", p.shared, p."cutLostValue", p."cutId", raw.*,
      ${quintile('raw.recency', 'r')} AS r, ${quintile('raw.frequency', 'f')} AS f, ${quintile('raw.monetary', 'm')} AS m,
      a."clvMinor" AS stored_clv, a."rfmRecency" AS stored_r, a."rfmFrequency" AS stored_f, a."rfmMonetary" AS stored_m,
      a."rfmSegment" AS stored_segment, a."paretoPriority" AS stored_priority, a."clvInputs" AS stored_inputs
    FROM "Account" a JOIN ${PARAMETERS} ON p.currency = a.currency
    CROSS JOIN LATERAL (SELECT ${REVENUE_SO_FAR} AS revenue, ${REVENUE_SOURCE} AS source, ${LOST_MRR} AS lost_mrr,
      ${lostValueSql('p."grossMargin"', 'p."monthlyChurnRate"')} AS lost_value,
      ${recencyValue('$3::timestamptz')} AS recency, ${FREQUENCY} AS frequency, ${MONETARY} AS monetary) raw
    WHERE ${filter.where('a')}
  ), fresh AS (
    SELECT *,
      (coalesce(revenue, 0) + "futureValueMinor")::int4 AS clv,
      ($2::text[])[(r - 1) * 5 + (f + m + 1) / 2] AS segment,
      coalesce(lost_value > "cutLostValue" OR (lost_value = "cutLostValue" AND id <= "cutId"), false) AS priority
    FROM scored
  ), changed AS (
    SELECT * FROM fresh
    WHERE (stored_clv, stored_r, stored_f, stored_m, stored_segment, stored_priority)
        IS DISTINCT FROM (clv, r, f, m, segment, priority)
      -- Building the inputs object costs more than the rest of the row: compare the stored one field by field.
      OR stored_inputs IS NULL OR NOT stored_inputs @> shared
      OR (stored_inputs->>'revenueSoFarMinor') IS DISTINCT FROM coalesce(revenue, 0)::text
      OR (stored_inputs->>'revenueSource') IS DISTINCT FROM source
      OR (stored_inputs->>'lostMrrMinor') IS DISTINCT FROM lost_mrr::text
      OR (stored_inputs->>'lostValueMinor') IS DISTINCT FROM lost_value::text
  ), written AS (
    -- Only the changed accounts are joined to the table: when none changed, it is not read a second time.
    UPDATE "Account" AS t SET "clvMinor" = s.clv, "rfmRecency" = s.r, "rfmFrequency" = s.f, "rfmMonetary" = s.m,
      "rfmSegment" = s.segment, "paretoPriority" = s.priority, "scoredAt" = $4::timestamptz,
      "clvInputs" = s.shared || jsonb_build_object('revenueSoFarMinor', coalesce(s.revenue, 0),
        'revenueSource', s.source, 'lostMrrMinor', s.lost_mrr, 'lostValueMinor', s.lost_value)
    FROM changed s
    WHERE t.id = s.id AND ${filter.onTarget ? filter.where('t') : 'true'}
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM fresh)::int4 AS seen, (SELECT count(*) FROM written)::int4 AS written`;
}

const flat = (thresholds: Thresholds, axis: string) =>
  Object.fromEntries(thresholds.map((value, index) => [`${axis}${index + 2}`, value]));

/** $1 of scoreAccountsSql: one record per currency. */
export function scoringParameters(stats: ScoringStats): string {
  return JSON.stringify(
    stats.currencies.map((currency: CurrencyStats) => ({
      currency: currency.currency,
      futureValueMinor: currency.futureValueMinor,
      grossMargin: currency.grossMargin,
      monthlyChurnRate: currency.monthlyChurnRate,
      // What every account of the currency shows of how its CLV was reached.
      shared: {
        arpaMinor: currency.arpaMinor,
        grossMargin: currency.grossMargin,
        monthlyChurnRate: currency.monthlyChurnRate,
        churnRateFloored: currency.churnRateFloored,
        churnRateSource: stats.churnRate.source,
        futureValueMinor: currency.futureValueMinor,
      },
      ...flat(currency.recency, 'r'),
      ...flat(currency.frequency, 'f'),
      ...flat(currency.monetary, 'm'),
      cutLostValue: currency.paretoCut?.lostValueMinor ?? null,
      cutId: currency.paretoCut?.id ?? null,
    })),
  );
}
