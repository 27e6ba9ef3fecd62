import { formatMoney } from '../money.ts';
import type { Offer as PlaybookOffer } from '../playbook/offer-schema.ts';
import type { OfferTerms, OfferType } from './offer-terms.ts';

export const OFFER_TYPE_LABELS: { readonly [T in OfferType]: string } = {
  percent_discount: 'Discount for some months',
  lower_tier: 'Lower tier',
  annual_incentive: 'Annual-plan discount',
  extended_trial: 'Trial of a higher tier',
  session: 'Onboarding or strategy session',
  beta_access: 'Beta access',
  payment_grace: 'Payment grace period',
};

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/**
 * The offer in a few words, as a CS person says it: "15% off for 3 months". Plain text holding the
 * proposer's words (plan, feature): escape it before it goes into mrkdwn.
 */
export function describeOffer(terms: OfferTerms, currency: string): string {
  const price = (minor: number) => `${formatMoney({ minor, currency })} a month`;
  switch (terms.type) {
    case 'percent_discount':
      return `${terms.percentOff}% off for ${plural(terms.durationMonths, 'month')}`;
    case 'lower_tier':
      return `a move to ${terms.targetPlan ?? 'a lower tier'} at ${price(terms.targetMrrMinor)}`;
    case 'annual_incentive':
      return `${terms.percentOff}% off an annual plan`;
    case 'extended_trial':
      return (
        `a ${terms.trialDays}-day trial of ${terms.targetPlan ?? 'the tier above'} ` +
        `(${price(terms.targetMrrMinor)})`
      );
    case 'session':
      return `a ${terms.sessionMinutes}-minute onboarding session`;
    case 'beta_access':
      return terms.feature ? `early access to the ${terms.feature} beta` : 'early access to the beta';
    case 'payment_grace':
      return `a ${terms.graceDays}-day payment grace period`;
  }
}

/** A playbook offer in a few words; the playbook names no prices, so neither does this. Plain text. */
export function describePlaybookOffer(offer: PlaybookOffer, currency: string): string {
  switch (offer.type) {
    case 'percent_discount':
      return describeOffer({ ...offer, percentOff: Math.round(offer.percentOff) }, currency);
    case 'annual_incentive':
      return describeOffer({ ...offer, percentOff: Math.round(offer.percentOff) }, currency);
    case 'session':
      return describeOffer({ type: 'session', sessionMinutes: offer.minutes }, currency);
    case 'payment_grace':
      return describeOffer(offer, currency);
    case 'beta_access':
      return describeOffer({ type: 'beta_access', feature: offer.feature ?? null }, currency);
    case 'extended_trial':
      return `a ${offer.trialDays}-day trial of a higher tier`;
    case 'lower_tier':
      return offer.plan ? `a move to ${offer.plan}` : 'a move to a lower tier';
  }
}
