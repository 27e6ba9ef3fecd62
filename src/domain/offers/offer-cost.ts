import { roundMinor } from '../scoring/round-minor.ts';
import type { OfferCosts } from './guardrails-schema.ts';
import type { OfferTerms } from './offer-terms.ts';

/** The account as an offer's cost sees it: the MRR it paid (lost MRR once churned), in its currency. */
export interface CostBasis {
  mrrMinor: number;
  currency: string;
}

export type OfferCost = { ok: true; costMinor: number } | { ok: false; problem: string };

// A month counts as 30 days wherever a cost is measured in days.
const DAYS_PER_MONTH = 30;
const ANNUAL_MONTHS = 12;

/**
 * What an offer gives away, in minor units of the account's currency (docs/offers.md, "Cost"):
 * discount: MRR × percent × months; lower tier: (MRR − new price) × lowerTierMonths; annual
 * incentive: MRR × 12 × percent; trial of a higher tier: (its price − MRR) × days ÷ 30; session:
 * the hourly cost × minutes ÷ 60; beta access: its configured cost; grace: MRR × days ÷ 30.
 * Rounded once, half away from zero. Refuses when a configured cost lacks the account's currency.
 */
export function computeOfferCost(terms: OfferTerms, basis: CostBasis, costs: OfferCosts): OfferCost {
  const mrr = basis.mrrMinor;
  const cost = (amount: number): OfferCost => ({ ok: true, costMinor: roundMinor(amount) });
  switch (terms.type) {
    case 'percent_discount':
      return cost((mrr * terms.percentOff * terms.durationMonths) / 100);
    case 'lower_tier':
      return cost(Math.max(0, mrr - terms.targetMrrMinor) * costs.lowerTierMonths);
    case 'annual_incentive':
      return cost((mrr * ANNUAL_MONTHS * terms.percentOff) / 100);
    case 'extended_trial':
      return cost((Math.max(0, terms.targetMrrMinor - mrr) * terms.trialDays) / DAYS_PER_MONTH);
    case 'session': {
      const perHour = costs.sessionPerHourMinor[basis.currency];
      if (perHour === undefined) return missing('session', 'sessionPerHourMinor', basis.currency);
      return cost((perHour * terms.sessionMinutes) / 60);
    }
    case 'beta_access': {
      const fixed = costs.betaAccessMinor[basis.currency];
      if (fixed === undefined) return missing('beta access', 'betaAccessMinor', basis.currency);
      return cost(fixed);
    }
    case 'payment_grace':
      return cost((mrr * terms.graceDays) / DAYS_PER_MONTH);
  }
}

function missing(what: string, key: string, currency: string): OfferCost {
  return {
    ok: false,
    problem:
      `No ${what} cost is set for ${currency} accounts, so it cannot be costed. ` +
      `Ask an admin to add ${currency} under costs.${key} in the guardrails.`,
  };
}

/**
 * What the account is expected to bring back if it returns: the monthly price it returns at (the
 * lower tier's for a move down, its MRR otherwise) times the guardrails' expectedBackMonths.
 */
export function computeExpectedBack(terms: OfferTerms, basis: CostBasis, months: number): number {
  const price = terms.type === 'lower_tier' ? Math.min(terms.targetMrrMinor, basis.mrrMinor) : basis.mrrMinor;
  return price * months;
}
