import { WinbackError } from '../../errors.ts';
import { roundMinor } from './round-minor.ts';

/** What CLV needs to know about one account; amounts in minor units of the account's currency. */
export interface ClvAccount {
  /** Everything the account has paid; null when unknown (then MRR × tenure stands in). */
  totalPaidMinor: number | null;
  /** Monthly revenue; for a churned account the last MRR before it left. */
  mrrMinor: number;
  tenureMonths: number | null;
  /** MRR the churn took away; null while the account has not churned. */
  lostMrrMinor: number | null;
}

/** Population-level assumptions, built once per scoring run and shown with every result. */
export interface ClvAssumptions {
  /** Average monthly revenue per paying account (see averageRevenuePerAccount). */
  arpaMinor: number;
  /** Share of revenue kept after the cost of serving it, from 0 to 1; given by config. */
  grossMargin: number;
  /** Share of accounts lost per month, from 0 to 1; given by config or measured (see measureChurnRate). */
  monthlyChurnRate: number;
  /**
   * Longest expected lifetime counted, in months (default 60). A churn rate below 1 / this, 0 included,
   * counts as 1 / this: without a cap a rate near 0 would make every account worth almost infinity.
   */
  maxLifetimeMonths?: number;
}

export type RevenueSource = 'total_paid' | 'mrr_times_tenure' | 'unknown';

export interface CustomerLifetimeValue {
  /** revenueSoFarMinor + futureValueMinor. */
  clvMinor: number;
  /** For a churned account, the future value the churn cost: lost MRR × margin ÷ churn rate; else null. */
  lostValueMinor: number | null;
  inputs: {
    revenueSoFarMinor: number;
    revenueSource: RevenueSource;
    arpaMinor: number;
    grossMargin: number;
    /** The rate the arithmetic used: the given rate, or the floor when the given one was below it. */
    monthlyChurnRate: number;
    churnRateFloored: boolean;
    futureValueMinor: number;
  };
}

export const DEFAULT_MAX_LIFETIME_MONTHS = 60;

/**
 * CLV = revenue so far + ARPA × gross margin ÷ monthly churn rate. Revenue so far is the total paid when
 * known, else MRR × tenure months, else 0 (source 'unknown'). Each amount rounds half away from zero.
 */
export function computeCustomerLifetimeValue(account: ClvAccount, assumptions: ClvAssumptions): CustomerLifetimeValue {
  const { monthlyChurnRate, churnRateFloored } = applyChurnRateFloor(assumptions);
  const { revenueSoFarMinor, revenueSource } = measureRevenueSoFar(account);
  const futureValueMinor = roundMinor((assumptions.arpaMinor * assumptions.grossMargin) / monthlyChurnRate);

  return {
    clvMinor: revenueSoFarMinor + futureValueMinor,
    lostValueMinor: account.lostMrrMinor === null ? null : computeLostValue(account.lostMrrMinor, assumptions),
    inputs: {
      revenueSoFarMinor,
      revenueSource,
      arpaMinor: assumptions.arpaMinor,
      grossMargin: assumptions.grossMargin,
      monthlyChurnRate,
      churnRateFloored,
      futureValueMinor,
    },
  };
}

/** The future value a churn cost: lost MRR × gross margin ÷ monthly churn rate (floored as for CLV). */
export function computeLostValue(lostMrrMinor: number, assumptions: ClvAssumptions): number {
  const { monthlyChurnRate } = applyChurnRateFloor(assumptions);
  return roundMinor((lostMrrMinor * assumptions.grossMargin) / monthlyChurnRate);
}

function measureRevenueSoFar(account: ClvAccount): { revenueSoFarMinor: number; revenueSource: RevenueSource } {
  const { totalPaidMinor } = account;
  if (totalPaidMinor !== null) return { revenueSoFarMinor: totalPaidMinor, revenueSource: 'total_paid' };
  if (account.tenureMonths === null) return { revenueSoFarMinor: 0, revenueSource: 'unknown' };
  return { revenueSoFarMinor: account.mrrMinor * account.tenureMonths, revenueSource: 'mrr_times_tenure' };
}

function applyChurnRateFloor(assumptions: ClvAssumptions): { monthlyChurnRate: number; churnRateFloored: boolean } {
  assertAssumptions(assumptions);
  const floor = 1 / (assumptions.maxLifetimeMonths ?? DEFAULT_MAX_LIFETIME_MONTHS);
  const given = assumptions.monthlyChurnRate;
  if (given >= floor) return { monthlyChurnRate: given, churnRateFloored: false };
  return { monthlyChurnRate: floor, churnRateFloored: true };
}

function assertAssumptions({ arpaMinor, grossMargin, monthlyChurnRate, maxLifetimeMonths }: ClvAssumptions): void {
  const problems = [
    Number.isFinite(arpaMinor) && arpaMinor >= 0 ? null : `arpaMinor must be 0 or more, got ${arpaMinor}`,
    grossMargin >= 0 && grossMargin <= 1 ? null : `grossMargin must be from 0 to 1, got ${grossMargin}`,
    monthlyChurnRate >= 0 && monthlyChurnRate <= 1
      ? null
      : `monthlyChurnRate must be from 0 to 1, got ${monthlyChurnRate}`,
    maxLifetimeMonths === undefined || maxLifetimeMonths >= 1
      ? null
      : `maxLifetimeMonths must be 1 or more, got ${maxLifetimeMonths}`,
  ].filter((problem) => problem !== null);
  if (problems.length > 0) throw new WinbackError('clv_assumptions_invalid', `CLV assumptions: ${problems.join('; ')}`);
}
