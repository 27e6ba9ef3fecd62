import type { Query } from '../ingest/apply/query.ts';
import { FREQUENCY, MONETARY, recencyValue } from './account-metrics-sql.ts';
import type { Thresholds } from './scoring-stats.ts';

export type RfmAxis = 'recency' | 'frequency' | 'monetary';

export type CurrencyThresholds = Record<RfmAxis, Thresholds>;

interface Row {
  currency: string;
  axis: RfmAxis;
  t2: string | null;
  t3: string | null;
  t4: string | null;
  t5: string | null;
}

/**
 * scoreByQuintile's rule in SQL, per currency and axis: over the distinct known values, worse = accounts
 * with a lower value, equal = accounts with this one, score = floor((10 × worse + 5 × equal) ÷ 2n) + 1
 * capped at 5, in integer arithmetic like the pure function. Grouping first keeps the sort to distinct
 * values; only the thresholds (the least value of each score) come back.
 */
export async function measureQuintileThresholds(query: Query, asOf: Date): Promise<Map<string, CurrencyThresholds>> {
  const rows = await query<Row>(
    `WITH metric AS (
       SELECT a.currency, ${recencyValue('$1::timestamptz')} AS recency, ${FREQUENCY} AS frequency,
         ${MONETARY} AS monetary
       FROM "Account" a
     ), counted AS (
       -- One scan, one hash table per axis; the other axes' columns are NULL in each grouping set.
       SELECT currency,
         CASE WHEN GROUPING(recency) = 0 THEN 'recency' WHEN GROUPING(frequency) = 0 THEN 'frequency' ELSE 'monetary' END AS axis,
         coalesce(recency, frequency, monetary) AS value, count(*)::int8 AS equal
       FROM metric GROUP BY GROUPING SETS ((currency, recency), (currency, frequency), (currency, monetary))
     ), ranked AS (
       SELECT currency, axis, value, equal,
         (sum(equal) OVER (PARTITION BY currency, axis ORDER BY value ROWS UNBOUNDED PRECEDING))::int8 - equal AS worse,
         (sum(equal) OVER (PARTITION BY currency, axis))::int8 AS n
       FROM counted WHERE value IS NOT NULL
     ), scored AS (
       SELECT currency, axis, value, least(5, (10 * worse + 5 * equal) / (2 * n) + 1) AS score FROM ranked
     )
     SELECT currency, axis,
       (min(value) FILTER (WHERE score >= 2))::text AS t2,
       (min(value) FILTER (WHERE score >= 3))::text AS t3,
       (min(value) FILTER (WHERE score >= 4))::text AS t4,
       (min(value) FILTER (WHERE score >= 5))::text AS t5
     FROM scored GROUP BY currency, axis`,
    [asOf],
  );

  const unscored: Thresholds = [null, null, null, null];
  const byCurrency = new Map<string, CurrencyThresholds>();
  for (const row of rows) {
    const entry = byCurrency.get(row.currency) ?? { recency: unscored, frequency: unscored, monetary: unscored };
    entry[row.axis] = [row.t2, row.t3, row.t4, row.t5].map((value) =>
      value === null ? null : Number(value),
    ) as Thresholds;
    byCurrency.set(row.currency, entry);
  }
  return byCurrency;
}
