import { computeLostValue } from '../domain/scoring/customer-lifetime-value.ts';
import type { Query } from '../ingest/apply/query.ts';
import { LOST_MRR } from './account-metrics-sql.ts';

/** Per currency, what lost value costs: the gross margin and the (floored) monthly churn rate. */
export interface LostValueRates {
  currency: string;
  grossMargin: number;
  monthlyChurnRate: number;
}

export interface ParetoCut {
  lostValueMinor: number;
  id: string;
}

/** How many churned accounts of one currency lost this MRR. */
export interface LostMrrGroup {
  currency: string;
  lost_mrr: number;
  accounts: number;
}

/** Churned accounts of equal lost value, and every lost MRR that gives it. */
interface ValueGroup {
  lostValueMinor: number;
  accounts: number;
  lostMrr: number[];
}

/**
 * The churned accounts counted per currency and lost MRR (an index scan of the churned): lost value only
 * grows with lost MRR, so findParetoCuts ranks these groups instead of the accounts.
 */
export function countChurnedByLostMrr(query: Query): Promise<LostMrrGroup[]> {
  return query<LostMrrGroup>(
    `SELECT a.currency, (${LOST_MRR})::int4 AS lost_mrr, count(*)::int4 AS accounts
     FROM "Account" a WHERE a.status = 'churned' GROUP BY 1, 2`,
    [],
  );
}

/**
 * rankByLostValue's flag as a cut per currency: the last churned account of the smallest prefix of the
 * ranking (lost value, most first, then id) that carries at least `share` of the currency's lost value.
 * An account is flagged when it ranks at or before the cut. The groups of countChurnedByLostMrr are valued
 * by the pure computeLostValue and merged where equal; only the group the share is reached in is searched
 * for the account, by id. No cut (nothing flagged) where the total is 0.
 */
export async function findParetoCuts(
  query: Query,
  rows: LostMrrGroup[],
  rates: LostValueRates[],
  share: number,
): Promise<Map<string, ParetoCut>> {
  const cuts = new Map<string, ParetoCut>();
  for (const rate of rates) {
    const assumptions = { arpaMinor: 0, grossMargin: rate.grossMargin, monthlyChurnRate: rate.monthlyChurnRate };
    const groups = valueGroups(
      rows.filter((row) => row.currency === rate.currency),
      (lostMrr) => computeLostValue(lostMrr, assumptions),
    );
    const crossing = findCrossing(groups, share);
    if (!crossing) continue;
    const [cut] = await query<{ id: string }>(
      // OFFSET 0 keeps the planner from walking the primary key in id order for the LIMIT: the group is
      // found by a scan and sorted, however far into the ids its accounts are.
      `SELECT id::text AS id FROM (
         SELECT a.id FROM "Account" a
         WHERE a.status = 'churned' AND a.currency = $1 AND (${LOST_MRR}) = ANY($2::int4[]) OFFSET 0
       ) AS grouped ORDER BY id OFFSET $3 LIMIT 1`,
      [rate.currency, crossing.group.lostMrr, crossing.position - 1],
    );
    if (cut) cuts.set(rate.currency, { lostValueMinor: crossing.group.lostValueMinor, id: cut.id });
  }
  return cuts;
}

function valueGroups(rows: LostMrrGroup[], lostValueOf: (lostMrr: number) => number): ValueGroup[] {
  const byValue = new Map<number, ValueGroup>();
  for (const row of rows) {
    const lostValueMinor = lostValueOf(row.lost_mrr);
    const group = byValue.get(lostValueMinor) ?? { lostValueMinor, accounts: 0, lostMrr: [] };
    group.accounts += row.accounts;
    group.lostMrr.push(row.lost_mrr);
    byValue.set(lostValueMinor, group);
  }
  return [...byValue.values()].sort((a, b) => b.lostValueMinor - a.lostValueMinor);
}

/** The group the running total first reaches the share in, and how many of its accounts (by id) it takes. */
function findCrossing(groups: ValueGroup[], share: number): { group: ValueGroup; position: number } | null {
  const total = groups.reduce((sum, group) => sum + group.lostValueMinor * group.accounts, 0);
  if (total === 0) return null;
  let before = 0;
  for (const group of groups) {
    // The pure function's comparison: the ratio, in floating point, against the share.
    const reaches = (count: number) => (before + count * group.lostValueMinor) / total >= share;
    if (reaches(group.accounts)) {
      let low = 1;
      let high = group.accounts;
      while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if (reaches(middle)) high = middle;
        else low = middle + 1;
      }
      return { group, position: low };
    }
    before += group.lostValueMinor * group.accounts;
  }
  return null;
}
