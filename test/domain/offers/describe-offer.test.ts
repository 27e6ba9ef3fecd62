import { describe, expect, it } from 'vitest';
import { describeOffer, describePlaybookOffer } from '../../../src/domain/offers/describe-offer.ts';
import type { OfferTerms } from '../../../src/domain/offers/offer-terms.ts';
import type { Offer as PlaybookOffer } from '../../../src/domain/playbook/offer-schema.ts';

describe('describeOffer', () => {
  it.each<[OfferTerms, string]>([
    [{ type: 'percent_discount', percentOff: 15, durationMonths: 1 }, '15% off for 1 month'],
    [{ type: 'percent_discount', percentOff: 15, durationMonths: 3 }, '15% off for 3 months'],
    [{ type: 'lower_tier', targetPlan: 'Starter', targetMrrMinor: 4_900 }, 'a move to Starter at $49.00 a month'],
    [{ type: 'lower_tier', targetPlan: null, targetMrrMinor: 4_900 }, 'a move to a lower tier at $49.00 a month'],
    [{ type: 'annual_incentive', percentOff: 20 }, '20% off an annual plan'],
    [
      { type: 'extended_trial', targetPlan: 'Pro', targetMrrMinor: 19_900, trialDays: 30 },
      'a 30-day trial of Pro ($199.00 a month)',
    ],
    [{ type: 'session', sessionMinutes: 45 }, 'a 45-minute onboarding session'],
    [{ type: 'beta_access', feature: 'SSO' }, 'early access to the SSO beta'],
    [{ type: 'beta_access', feature: null }, 'early access to the beta'],
    [{ type: 'payment_grace', graceDays: 14 }, 'a 14-day payment grace period'],
  ])('%o reads "%s"', (terms, text) => {
    expect(describeOffer(terms, 'USD')).toBe(text);
  });
});

describe('describePlaybookOffer', () => {
  it.each<[PlaybookOffer, string]>([
    [{ type: 'percent_discount', percentOff: 12.5, durationMonths: 2 }, '13% off for 2 months'],
    [{ type: 'lower_tier' }, 'a move to a lower tier'],
    [{ type: 'extended_trial', trialDays: 30 }, 'a 30-day trial of a higher tier'],
    [{ type: 'session', minutes: 60 }, 'a 60-minute onboarding session'],
  ])('%o reads "%s"', (offer, text) => {
    expect(describePlaybookOffer(offer, 'USD')).toBe(text);
  });
});
