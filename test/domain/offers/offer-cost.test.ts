import { describe, expect, it } from 'vitest';
import { computeExpectedBack, computeOfferCost } from '../../../src/domain/offers/offer-cost.ts';
import type { OfferTerms } from '../../../src/domain/offers/offer-terms.ts';
import { GUARDRAILS } from './guardrails-fixture.ts';

const USD_100 = { mrrMinor: 10_000, currency: 'USD' };

describe('computeOfferCost', () => {
  it.each<{ rule: string; terms: OfferTerms; costMinor: number }>([
    {
      rule: 'a discount costs percent × MRR × months',
      terms: { type: 'percent_discount', percentOff: 15, durationMonths: 3 },
      costMinor: 4_500,
    },
    {
      rule: 'a lower tier costs the price difference for lowerTierMonths (3)',
      terms: { type: 'lower_tier', targetPlan: 'Starter', targetMrrMinor: 6_000 },
      costMinor: 12_000,
    },
    {
      rule: 'a lower tier priced at or above the MRR costs nothing',
      terms: { type: 'lower_tier', targetPlan: null, targetMrrMinor: 12_000 },
      costMinor: 0,
    },
    {
      rule: 'an annual incentive costs percent × a year of MRR',
      terms: { type: 'annual_incentive', percentOff: 20 },
      costMinor: 24_000,
    },
    {
      rule: 'a trial of a higher tier costs the MRR delta × days ÷ 30',
      terms: { type: 'extended_trial', targetPlan: 'Pro', targetMrrMinor: 25_000, trialDays: 14 },
      costMinor: 7_000,
    },
    {
      rule: 'rounds to a whole minor unit (10,001 × 1 ÷ 30 = 333.37 → 333)',
      terms: { type: 'extended_trial', targetPlan: null, targetMrrMinor: 20_001, trialDays: 1 },
      costMinor: 333,
    },
    {
      rule: 'rounds a half up (1 × 15 ÷ 30 = 0.5 → 1)',
      terms: { type: 'extended_trial', targetPlan: null, targetMrrMinor: 10_001, trialDays: 15 },
      costMinor: 1,
    },
    {
      rule: 'a session costs the hourly cost × minutes ÷ 60',
      terms: { type: 'session', sessionMinutes: 45 },
      costMinor: 11_250,
    },
    { rule: 'beta access costs its configured cost', terms: { type: 'beta_access', feature: 'SSO' }, costMinor: 0 },
    {
      rule: 'a grace period costs MRR × days ÷ 30',
      terms: { type: 'payment_grace', graceDays: 15 },
      costMinor: 5_000,
    },
  ])('$rule', ({ terms, costMinor }) => {
    expect(computeOfferCost(terms, USD_100, GUARDRAILS.costs)).toEqual({ ok: true, costMinor });
  });

  it('refuses a session for a currency with no hourly cost configured, naming it', () => {
    expect(
      computeOfferCost({ type: 'session', sessionMinutes: 60 }, { mrrMinor: 1, currency: 'EUR' }, GUARDRAILS.costs),
    ).toEqual({
      ok: false,
      problem:
        'No session cost is set for EUR accounts, so it cannot be costed. Ask an admin to add EUR under ' +
        'costs.sessionPerHourMinor in the guardrails.',
    });
  });
});

describe('computeExpectedBack', () => {
  it.each<{ rule: string; terms: OfferTerms; expected: number }>([
    { rule: 'is MRR × expectedBackMonths', terms: { type: 'payment_grace', graceDays: 5 }, expected: 120_000 },
    {
      rule: 'is the lower price × months for a move down',
      terms: { type: 'lower_tier', targetPlan: null, targetMrrMinor: 6_000 },
      expected: 72_000,
    },
    {
      rule: 'never counts a "lower" tier above the MRR',
      terms: { type: 'lower_tier', targetPlan: null, targetMrrMinor: 20_000 },
      expected: 120_000,
    },
  ])('$rule', ({ terms, expected }) => {
    expect(computeExpectedBack(terms, USD_100, 12)).toBe(expected);
  });
});
