import { evaluateGuardrails, type GuardrailVerdict } from './evaluate-guardrails.ts';
import type { Guardrails } from './guardrails-schema.ts';
import { computeExpectedBack, computeOfferCost } from './offer-cost.ts';
import type { OfferTerms } from './offer-terms.ts';

export interface AssessedAccount {
  /** MRR, or lost MRR once churned. */
  mrrMinor: number;
  clvMinor: number | null;
  currency: string;
}

export interface OfferAssessment {
  costMinor: number;
  expectedBackMinor: number;
  verdict: GuardrailVerdict;
}

/** The offer's cost, what the account is expected to bring back, and the guardrails' verdict. */
export function assessOffer(terms: OfferTerms, account: AssessedAccount, guardrails: Guardrails): OfferAssessment {
  const expectedBackMinor = computeExpectedBack(terms, account, guardrails.costShare.expectedBackMonths);
  const cost = computeOfferCost(terms, account, guardrails.costs);
  if (!cost.ok) {
    return {
      costMinor: 0,
      expectedBackMinor,
      verdict: { kind: 'refused', problems: [{ field: 'type', message: cost.problem }] },
    };
  }
  const figures = { ...account, costMinor: cost.costMinor, expectedBackMinor };
  return { costMinor: cost.costMinor, expectedBackMinor, verdict: evaluateGuardrails(terms, figures, guardrails) };
}
