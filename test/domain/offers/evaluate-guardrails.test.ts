import { describe, expect, it } from 'vitest';
import { evaluateGuardrails, type OfferFigures } from '../../../src/domain/offers/evaluate-guardrails.ts';
import type { OfferTerms } from '../../../src/domain/offers/offer-terms.ts';
import { GUARDRAILS } from './guardrails-fixture.ts';

// An account paying $100 a month, worth $2,400, expected to bring back $1,200 (12 months).
const FIGURES: OfferFigures = {
  costMinor: 4_500,
  expectedBackMinor: 120_000,
  clvMinor: 240_000,
  mrrMinor: 10_000,
  currency: 'USD',
};
const DISCOUNT = (percentOff: number, durationMonths: number): OfferTerms => ({
  type: 'percent_discount',
  percentOff,
  durationMonths,
});

describe('evaluateGuardrails: limits bind everyone', () => {
  it.each<{ rule: string; terms: OfferTerms; problems: { field: string; message: string }[] }>([
    { rule: 'allows 50% off, the largest discount', terms: DISCOUNT(50, 1), problems: [] },
    {
      rule: 'refuses 51% off',
      terms: DISCOUNT(51, 1),
      problems: [{ field: 'percentOff', message: 'At most 50% off: the largest anyone may offer.' }],
    },
    { rule: 'allows a 6-month discount, the longest', terms: DISCOUNT(10, 6), problems: [] },
    {
      rule: 'refuses a 7-month discount',
      terms: DISCOUNT(1, 7),
      problems: [{ field: 'durationMonths', message: 'At most 6 months: the largest anyone may offer.' }],
    },
    {
      rule: 'refuses a 61-day trial',
      terms: { type: 'extended_trial', targetPlan: null, targetMrrMinor: 10_100, trialDays: 61 },
      problems: [{ field: 'trialDays', message: 'At most 60 days: the largest anyone may offer.' }],
    },
    {
      rule: 'refuses a "lower" tier that costs what they paid',
      terms: { type: 'lower_tier', targetPlan: null, targetMrrMinor: 10_000 },
      problems: [{ field: 'targetMrrMinor', message: 'A lower tier costs less than the $100.00 a month they paid.' }],
    },
    {
      rule: 'refuses a "higher" tier trial that costs what they paid',
      terms: { type: 'extended_trial', targetPlan: null, targetMrrMinor: 10_000, trialDays: 10 },
      problems: [{ field: 'targetMrrMinor', message: 'A higher tier costs more than the $100.00 a month they paid.' }],
    },
  ])('$rule', ({ terms, problems }) => {
    const verdict = evaluateGuardrails(terms, { ...FIGURES, costMinor: 0 }, GUARDRAILS);
    if (problems.length === 0) expect(verdict.kind).not.toBe('refused');
    else expect(verdict).toEqual({ kind: 'refused', problems });
  });
});

describe('evaluateGuardrails: cost share of what is expected back (limit 25%)', () => {
  it('allows a cost of exactly 25% of the expected $1,200.00', () => {
    expect(evaluateGuardrails(DISCOUNT(50, 6), { ...FIGURES, costMinor: 30_000 }, GUARDRAILS).kind).not.toBe('refused');
  });

  it('refuses one minor unit more, showing the cost, the share, what is expected back and the limit', () => {
    expect(evaluateGuardrails(DISCOUNT(50, 6), { ...FIGURES, costMinor: 30_001 }, GUARDRAILS)).toEqual({
      kind: 'refused',
      problems: [
        { field: 'percentOff', message: 'Costs $300.01, 25% of the $1,200.00 expected back; the limit is 25%.' },
      ],
    });
  });

  it('rounds the share shown to whole percent: $450.00 of $1,200.00 is 38%', () => {
    const verdict = evaluateGuardrails(DISCOUNT(50, 6), { ...FIGURES, costMinor: 45_000 }, GUARDRAILS);
    expect(verdict).toMatchObject({
      problems: [{ message: 'Costs $450.00, 38% of the $1,200.00 expected back; the limit is 25%.' }],
    });
  });

  it('refuses any cost when nothing is expected back', () => {
    const figures = { ...FIGURES, costMinor: 1, expectedBackMinor: 0, mrrMinor: 0 };
    expect(evaluateGuardrails({ type: 'beta_access', feature: null }, figures, GUARDRAILS)).toEqual({
      kind: 'refused',
      problems: [
        { field: 'type', message: 'Costs $0.01, and nothing is expected back: the account has no MRR on record.' },
      ],
    });
  });
});

describe('evaluateGuardrails: auto-approval (≤15% for ≤3 months, CLV below $5,000.00)', () => {
  it.each<{ rule: string; terms: OfferTerms; clvMinor: number | null; currency?: string; reasons: string[] }>([
    { rule: 'approves 15% for 3 months under the CLV limit', terms: DISCOUNT(15, 3), clvMinor: 499_999, reasons: [] },
    {
      rule: 'sends 16% to a manager',
      terms: DISCOUNT(16, 3),
      clvMinor: 100_000,
      reasons: ['16% off is above the 15% off approved automatically.'],
    },
    {
      rule: 'sends 4 months to a manager',
      terms: DISCOUNT(10, 4),
      clvMinor: 100_000,
      reasons: ['4 months is above the 3 months approved automatically.'],
    },
    {
      rule: 'sends a CLV of exactly the threshold to a manager',
      terms: DISCOUNT(10, 1),
      clvMinor: 500_000,
      reasons: ['CLV $5,000.00 is not below the $5,000.00 approved automatically.'],
    },
    {
      rule: 'sends an account without CLV to a manager',
      terms: DISCOUNT(10, 1),
      clvMinor: null,
      reasons: ['The account has no CLV yet.'],
    },
    {
      rule: 'sends a currency without a threshold to a manager',
      terms: { type: 'beta_access', feature: null },
      clvMinor: 1,
      currency: 'EUR',
      reasons: ['Nothing is approved automatically for EUR accounts.'],
    },
    {
      rule: 'always sends a type not listed to a manager',
      terms: { type: 'annual_incentive', percentOff: 5 },
      clvMinor: 1,
      reasons: ['Annual-plan discount offers always need a manager.'],
    },
    {
      rule: 'approves beta access, listed with no limits',
      terms: { type: 'beta_access', feature: 'SSO' },
      clvMinor: 1,
      reasons: [],
    },
  ])('$rule', ({ terms, clvMinor, currency, reasons }) => {
    const figures = { ...FIGURES, costMinor: 0, clvMinor, currency: currency ?? 'USD' };
    const verdict = evaluateGuardrails(terms, figures, GUARDRAILS);
    expect(verdict).toEqual(reasons.length === 0 ? { kind: 'auto_approved' } : { kind: 'needs_manager', reasons });
  });
});

describe('evaluateGuardrails: one thing at a time', () => {
  it('reports only the limit passed, not also the cost share, when an offer is past a limit', () => {
    const verdict = evaluateGuardrails(DISCOUNT(60, 1), { ...FIGURES, costMinor: 60_000 }, GUARDRAILS);
    expect(verdict).toEqual({
      kind: 'refused',
      problems: [{ field: 'percentOff', message: 'At most 50% off: the largest anyone may offer.' }],
    });
  });
});
