import { DateTime, Interval } from 'luxon';
import type { ScoringSettings } from '../config/scoring-settings.ts';
import { computeCustomerLifetimeValue } from '../domain/scoring/customer-lifetime-value.ts';
import { roundMinor } from '../domain/scoring/round-minor.ts';
import type { ChurnCounts, CurrencyPopulation } from './measure-population.ts';
import type { ChurnRate } from './scoring-stats.ts';

export interface CurrencyAssumptions {
  arpaMinor: number;
  grossMargin: number;
  /** As the arithmetic used it: floored to 1 / max lifetime (see computeCustomerLifetimeValue). */
  monthlyChurnRate: number;
  churnRateFloored: boolean;
  futureValueMinor: number;
}

/** The configured monthly churn rate, or the one measureChurnRate would give for these counts. */
export function chooseChurnRate(
  settings: Pick<ScoringSettings, 'WINBACK_MONTHLY_CHURN_RATE'>,
  counts: ChurnCounts,
): ChurnRate {
  if (settings.WINBACK_MONTHLY_CHURN_RATE !== undefined) {
    return { source: 'config', monthlyChurnRate: settings.WINBACK_MONTHLY_CHURN_RATE };
  }
  const periodMonths = Interval.fromDateTimes(
    DateTime.fromJSDate(counts.from, { zone: 'utc' }),
    DateTime.fromJSDate(counts.to, { zone: 'utc' }),
  ).length('months');
  // The same compounding as measureChurnRate: twelve monthly rates lose what the measured year lost.
  const monthlyChurnRate = counts.atRisk === 0 ? null : 1 - (1 - counts.churned / counts.atRisk) ** (1 / periodMonths);
  return {
    source: 'measured',
    monthlyChurnRate,
    churned: counts.churned,
    atRisk: counts.atRisk,
    periodMonths,
    undatedChurned: counts.undatedChurned,
  };
}

/**
 * One currency's CLV assumptions. ARPA is averageRevenuePerAccount from the counts (0 when nobody pays
 * in the currency, so its future value is 0); a churn rate that could not be measured counts as 0, which
 * the CLV floor turns into the longest lifetime counted. The pure function does the rest.
 */
export function buildAssumptions(
  population: CurrencyPopulation,
  churnRate: ChurnRate,
  settings: Pick<ScoringSettings, 'WINBACK_GROSS_MARGIN'>,
): CurrencyAssumptions {
  const arpaMinor =
    population.payingAccounts === 0 ? 0 : roundMinor(population.payingMrrMinor / population.payingAccounts);
  const { inputs } = computeCustomerLifetimeValue(
    { totalPaidMinor: 0, mrrMinor: 0, tenureMonths: null, lostMrrMinor: null },
    { arpaMinor, grossMargin: settings.WINBACK_GROSS_MARGIN, monthlyChurnRate: churnRate.monthlyChurnRate ?? 0 },
  );
  return {
    arpaMinor,
    grossMargin: inputs.grossMargin,
    monthlyChurnRate: inputs.monthlyChurnRate,
    churnRateFloored: inputs.churnRateFloored,
    futureValueMinor: inputs.futureValueMinor,
  };
}
