import { DateTime, Interval } from 'luxon';
import { WinbackError } from '../../errors.ts';

/** An account's life as far as churn measurement needs it. */
export interface ChurnRateAccount {
  /** When the account became a customer; null counts as "before any period" (imported data often lacks it). */
  startedAt: Date | null;
  /** When it churned; null while it is a customer. */
  churnedAt: Date | null;
}

export interface ChurnRateMeasure {
  /** The monthly rate equivalent to the period's rate; null when no account was at risk. */
  monthlyChurnRate: number | null;
  /** At-risk accounts that churned in [from, to). */
  churned: number;
  /** Accounts that were customers at `from`: started before it and not churned before it. */
  atRisk: number;
  /** Length of the period in calendar months (fractional), measured in UTC. */
  periodMonths: number;
}

/**
 * Churn rate = at-risk accounts churned in [from, to) ÷ accounts at risk at `from`. Accounts that start
 * during the period are not at risk yet, so they count in neither number. A period longer or shorter
 * than a month converts by compounding, monthly = 1 − (1 − rate)^(1 / months), so twelve months of a
 * monthly rate lose the same share as the measured year. An account marked churned but with no churn
 * date cannot be placed in a period: give it one, or leave it out of the population.
 */
export function measureChurnRate(
  accounts: readonly ChurnRateAccount[],
  period: { from: Date; to: Date },
): ChurnRateMeasure {
  const from = period.from.getTime();
  const to = period.to.getTime();
  if (!(to > from))
    throw new WinbackError('churn_period_invalid', 'measureChurnRate: the period must end after it starts');

  const atRisk = accounts.filter(
    (account) =>
      (account.startedAt === null || account.startedAt.getTime() < from) &&
      (account.churnedAt === null || account.churnedAt.getTime() >= from),
  );
  const churned = atRisk.filter((account) => account.churnedAt !== null && account.churnedAt.getTime() < to).length;
  const periodMonths = Interval.fromDateTimes(
    DateTime.fromJSDate(period.from, { zone: 'utc' }),
    DateTime.fromJSDate(period.to, { zone: 'utc' }),
  ).length('months');

  if (atRisk.length === 0) return { monthlyChurnRate: null, churned, atRisk: 0, periodMonths };
  const periodRate = churned / atRisk.length;
  return { monthlyChurnRate: 1 - (1 - periodRate) ** (1 / periodMonths), churned, atRisk: atRisk.length, periodMonths };
}
