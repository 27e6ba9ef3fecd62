// The per-account inputs of scoring as SQL over an "Account" row aliased `a`, written once here so the
// population statistics and the per-account update read exactly the same numbers. Each mirrors a pure
// function of src/domain/scoring; test/scoring/rescore-equivalence.test.ts holds the two equal.

/** Revenue so far, as customerLifetimeValue measures it: total paid, else MRR × tenure, else NULL. */
export const REVENUE_SO_FAR = `CASE
  WHEN a."totalPaidMinor" IS NOT NULL THEN a."totalPaidMinor"::int8
  WHEN a."tenureMonths" IS NOT NULL THEN a."mrrMinor"::int8 * a."tenureMonths"
END`;

export const REVENUE_SOURCE = `CASE
  WHEN a."totalPaidMinor" IS NOT NULL THEN 'total_paid'
  WHEN a."tenureMonths" IS NOT NULL THEN 'mrr_times_tenure'
  ELSE 'unknown'
END`;

/** The MRR a churn took away: what ingest recorded, else the last MRR; NULL while the account is a customer. */
export const LOST_MRR = `CASE WHEN a.status = 'churned' THEN coalesce(a."lostMrrMinor", a."mrrMinor") END`;

/**
 * Recency as a "higher is better" number: minus the whole days (countDaysSince) from the account's last
 * activity to `asOf`. An account that is not churned is a customer at `asOf`, so 0 days; a churned one was
 * last active at the later of its last payment and its churn date, and is unknown (NULL) without either.
 * Timestamps are whole milliseconds, and float8 epochs are within a microsecond of them, so rounding the
 * difference gives the exact milliseconds; integer division then floors them to days (cheaper than numeric).
 */
export function recencyValue(asOf: string): string {
  const lastActive = 'greatest(a."lastPaymentAt", a."churnedAt")';
  const elapsedMs = `round((date_part('epoch', ${asOf}) - date_part('epoch', ${lastActive})) * 1000)::int8`;
  return `CASE
  WHEN a.status <> 'churned' THEN 0::int8
  WHEN ${lastActive} IS NULL THEN NULL
  ELSE -greatest(0, ${elapsedMs} / 86400000)
END`;
}

/** Frequency: payments made, or months active when payments are not counted. */
export const FREQUENCY = `coalesce(a."paymentCount", a."tenureMonths")::int8`;

/** Monetary: revenue so far when it is known at all. */
export const MONETARY = REVENUE_SO_FAR;

/** roundMinor for float8: half away from zero, exact (x − floor(x) is exact in binary floating point). */
export function roundMinorSql(x: string): string {
  const magnitude = `abs(${x})`;
  const rounded = `(floor(${magnitude}) + CASE WHEN ${magnitude} - floor(${magnitude}) >= 0.5 THEN 1 ELSE 0 END)`;
  return `(sign(${x}) * ${rounded})::int8`;
}

/**
 * computeLostValue: lost MRR × gross margin ÷ monthly churn rate (already floored), in float8 as in
 * JavaScript, the same two operations in the same order, so the rounding sees the same double.
 */
export function lostValueSql(margin: string, rate: string): string {
  return roundMinorSql(`((${LOST_MRR})::float8 * ${margin}) / ${rate}`);
}
