import { DateTime } from 'luxon';
import type { Query } from '../ingest/apply/query.ts';

/** One currency's accounts as CLV needs them: ARPA counts accounts active or past due with MRR above 0. */
export interface CurrencyPopulation {
  currency: string;
  accounts: number;
  churned: number;
  payingAccounts: number;
  payingMrrMinor: number;
}

/** measureChurnRate's counts over the whole population, for the period [from, to). */
export interface ChurnCounts {
  from: Date;
  to: Date;
  atRisk: number;
  churned: number;
  /** Marked churned with no churn date: no period can place them, so they are left out. */
  undatedChurned: number;
}

/** How far back a measured churn rate looks: long enough to smooth a bad week, short enough to be current. */
export const CHURN_PERIOD_MONTHS = 3;

interface Row {
  currency: string;
  accounts: number;
  churned: number;
  paying: number;
  paying_mrr: string;
  at_risk: number;
  churned_in_period: number;
  undated: number;
}

/** One pass over the accounts: per-currency counts for ARPA, and the churn-rate counts (see measureChurnRate). */
export async function measurePopulation(
  query: Query,
  asOf: Date,
): Promise<{ currencies: CurrencyPopulation[]; churn: ChurnCounts }> {
  const from = DateTime.fromJSDate(asOf, { zone: 'utc' }).minus({ months: CHURN_PERIOD_MONTHS }).toJSDate();
  const measured = `NOT (status = 'churned' AND "churnedAt" IS NULL)`;
  const atRisk = `${measured} AND ("startedAt" IS NULL OR "startedAt" < $1) AND ("churnedAt" IS NULL OR "churnedAt" >= $1)`;
  const rows = await query<Row>(
    `SELECT currency,
       count(*)::int4 AS accounts,
       count(*) FILTER (WHERE status = 'churned')::int4 AS churned,
       count(*) FILTER (WHERE status IN ('active', 'past_due') AND "mrrMinor" > 0)::int4 AS paying,
       coalesce(sum("mrrMinor") FILTER (WHERE status IN ('active', 'past_due') AND "mrrMinor" > 0), 0)::text AS paying_mrr,
       count(*) FILTER (WHERE ${atRisk})::int4 AS at_risk,
       count(*) FILTER (WHERE ${atRisk} AND "churnedAt" < $2)::int4 AS churned_in_period,
       count(*) FILTER (WHERE NOT (${measured}))::int4 AS undated
     FROM "Account" GROUP BY currency ORDER BY currency`,
    [from, asOf],
  );

  const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    currencies: rows.map((row) => ({
      currency: row.currency,
      accounts: row.accounts,
      churned: row.churned,
      payingAccounts: row.paying,
      payingMrrMinor: Number(row.paying_mrr),
    })),
    churn: {
      from,
      to: asOf,
      atRisk: sum((row) => row.at_risk),
      churned: sum((row) => row.churned_in_period),
      undatedChurned: sum((row) => row.undated),
    },
  };
}
