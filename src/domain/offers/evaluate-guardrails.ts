import { formatMoney } from '../money.ts';
import { OFFER_TYPE_LABELS } from './describe-offer.ts';
import type { AutoApprovalRule, Guardrails } from './guardrails-schema.ts';
import { COST_FIELD, type OfferTerms, type TermsField } from './offer-terms.ts';

/** A problem with one field of the offer (or its type), worded for the person proposing it. */
export interface FieldProblem {
  field: TermsField | 'type';
  message: string;
}

export interface OfferFigures {
  costMinor: number;
  expectedBackMinor: number;
  /** The account's CLV; null when it was not scored yet. */
  clvMinor: number | null;
  /** The account's MRR (lost MRR once churned). */
  mrrMinor: number;
  currency: string;
}

export type GuardrailVerdict =
  | { kind: 'refused'; problems: FieldProblem[] }
  | { kind: 'auto_approved' }
  | { kind: 'needs_manager'; reasons: string[] };

/**
 * Checks an offer against the guardrails: the limits, then the cost share, refuse it; otherwise the
 * auto-approval rule approves it, or says why it needs a manager. Pure: every number comes in.
 */
export function evaluateGuardrails(terms: OfferTerms, figures: OfferFigures, guardrails: Guardrails): GuardrailVerdict {
  // An offer past a limit is refused for that alone: its cost share is moot until it is within limits.
  const limits = limitProblems(terms, figures, guardrails);
  const problems = limits.length > 0 ? limits : costShareProblems(terms, figures, guardrails);
  if (problems.length > 0) return { kind: 'refused', problems };

  const reasons = needsManagerReasons(terms, figures, guardrails);
  return reasons.length === 0 ? { kind: 'auto_approved' } : { kind: 'needs_manager', reasons };
}

const money = (minor: number, currency: string) => formatMoney({ minor, currency });

function limitProblems(terms: OfferTerms, figures: OfferFigures, { limits }: Guardrails): FieldProblem[] {
  const over = (field: TermsField, value: number, max: number, unit: string): FieldProblem[] =>
    value > max ? [{ field, message: `At most ${max}${unit}: the largest anyone may offer.` }] : [];
  const mrr = money(figures.mrrMinor, figures.currency);
  switch (terms.type) {
    case 'percent_discount':
      return [
        ...over('percentOff', terms.percentOff, limits.maxPercentOff, '% off'),
        ...over('durationMonths', terms.durationMonths, limits.maxDurationMonths, ' months'),
      ];
    case 'annual_incentive':
      return over('percentOff', terms.percentOff, limits.maxPercentOff, '% off');
    case 'lower_tier':
      return terms.targetMrrMinor < figures.mrrMinor
        ? []
        : [{ field: 'targetMrrMinor', message: `A lower tier costs less than the ${mrr} a month they paid.` }];
    case 'extended_trial':
      return [
        ...over('trialDays', terms.trialDays, limits.maxTrialDays, ' days'),
        ...(terms.targetMrrMinor > figures.mrrMinor
          ? []
          : [
              {
                field: 'targetMrrMinor' as const,
                message: `A higher tier costs more than the ${mrr} a month they paid.`,
              },
            ]),
      ];
    case 'session':
      return over('sessionMinutes', terms.sessionMinutes, limits.maxSessionMinutes, ' minutes');
    case 'payment_grace':
      return over('graceDays', terms.graceDays, limits.maxGraceDays, ' days');
    case 'beta_access':
      return [];
  }
}

/** Whole percent for people: 37.5 → 38. The limit itself is checked exactly, in integers. */
const roundedPercent = (part: number, whole: number) => Math.round((part * 100) / whole);

function costShareProblems(terms: OfferTerms, figures: OfferFigures, { costShare }: Guardrails): FieldProblem[] {
  const { costMinor, expectedBackMinor, currency } = figures;
  const limit = costShare.maxPercentOfExpectedBack;
  if (costMinor * 100 <= limit * expectedBackMinor) return [];

  const field = COST_FIELD[terms.type];
  const cost = money(costMinor, currency);
  if (expectedBackMinor === 0) {
    return [{ field, message: `Costs ${cost}, and nothing is expected back: the account has no MRR on record.` }];
  }
  const share = roundedPercent(costMinor, expectedBackMinor);
  const back = money(expectedBackMinor, currency);
  return [{ field, message: `Costs ${cost}, ${share}% of the ${back} expected back; the limit is ${limit}%.` }];
}

function needsManagerReasons(terms: OfferTerms, figures: OfferFigures, { autoApproval }: Guardrails): string[] {
  const rule = autoApproval.offers[terms.type];
  const reasons: string[] = rule
    ? ruleReasons(terms, rule)
    : [`${OFFER_TYPE_LABELS[terms.type]} offers always need a manager.`];

  const threshold = autoApproval.clvBelowMinor[figures.currency];
  if (figures.clvMinor === null) reasons.push('The account has no CLV yet.');
  else if (threshold === undefined) reasons.push(`Nothing is approved automatically for ${figures.currency} accounts.`);
  else if (figures.clvMinor >= threshold) {
    const clv = money(figures.clvMinor, figures.currency);
    reasons.push(`CLV ${clv} is not below the ${money(threshold, figures.currency)} approved automatically.`);
  }
  return reasons;
}

function ruleReasons(terms: OfferTerms, rule: AutoApprovalRule): string[] {
  const above = (value: number, max: number | undefined, unit: string) =>
    max !== undefined && value > max ? [`${value}${unit} is above the ${max}${unit} approved automatically.`] : [];
  switch (terms.type) {
    case 'percent_discount':
      return [
        ...above(terms.percentOff, rule.maxPercentOff, '% off'),
        ...above(terms.durationMonths, rule.maxDurationMonths, ' months'),
      ];
    case 'annual_incentive':
      return above(terms.percentOff, rule.maxPercentOff, '% off');
    case 'extended_trial':
      return above(terms.trialDays, rule.maxTrialDays, ' trial days');
    case 'session':
      return above(terms.sessionMinutes, rule.maxSessionMinutes, ' minutes');
    case 'payment_grace':
      return above(terms.graceDays, rule.maxGraceDays, ' grace days');
    case 'lower_tier':
    case 'beta_access':
      return [];
  }
}
