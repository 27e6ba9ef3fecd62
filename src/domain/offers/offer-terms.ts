import type { OfferType } from '../playbook/offer-schema.ts';

export type { OfferType };

/**
 * What an offer gives the customer, by type. Prices are monthly, in minor units of the account's
 * currency; targetPlan names a tier (null: "the next tier down" or "the tier above", unnamed).
 */
export type OfferTerms =
  | { type: 'percent_discount'; percentOff: number; durationMonths: number }
  | { type: 'lower_tier'; targetPlan: string | null; targetMrrMinor: number }
  | { type: 'annual_incentive'; percentOff: number }
  | { type: 'extended_trial'; targetPlan: string | null; targetMrrMinor: number; trialDays: number }
  | { type: 'session'; sessionMinutes: number }
  | { type: 'beta_access'; feature: string | null }
  | { type: 'payment_grace'; graceDays: number };

type KeysOfUnion<T> = T extends T ? keyof T : never;

/** A parameter of some offer type; also the modal's block_id for it. */
export type TermsField = Exclude<KeysOfUnion<OfferTerms>, 'type'>;

/** The parameters each type asks for, in the order the modal shows them. */
export const TERMS_FIELDS: { readonly [T in OfferType]: readonly TermsField[] } = {
  percent_discount: ['percentOff', 'durationMonths'],
  lower_tier: ['targetPlan', 'targetMrrMinor'],
  annual_incentive: ['percentOff'],
  extended_trial: ['targetPlan', 'targetMrrMinor', 'trialDays'],
  session: ['sessionMinutes'],
  beta_access: ['feature'],
  payment_grace: ['graceDays'],
};

/** The field whose value sets most of an offer's cost: where a cost refusal is shown. */
export const COST_FIELD: { readonly [T in OfferType]: TermsField | 'type' } = {
  percent_discount: 'percentOff',
  lower_tier: 'targetMrrMinor',
  annual_incentive: 'percentOff',
  extended_trial: 'trialDays',
  session: 'sessionMinutes',
  beta_access: 'type',
  payment_grace: 'graceDays',
};

/** Offer columns as stored: every parameter, null where the type has none. */
export interface StoredTerms {
  type: OfferType;
  percentOff: number | null;
  durationMonths: number | null;
  targetPlan: string | null;
  targetMrrMinor: number | null;
  trialDays: number | null;
  sessionMinutes: number | null;
  feature: string | null;
  graceDays: number | null;
}

const NO_TERMS = {
  percentOff: null,
  durationMonths: null,
  targetPlan: null,
  targetMrrMinor: null,
  trialDays: null,
  sessionMinutes: null,
  feature: null,
  graceDays: null,
};

export function toStoredTerms(terms: OfferTerms): StoredTerms {
  return { ...NO_TERMS, ...terms };
}

/** The terms back from stored columns; a column the type needs but lacks reads as 0. */
export function fromStoredTerms(row: StoredTerms): OfferTerms {
  switch (row.type) {
    case 'percent_discount':
      return { type: row.type, percentOff: row.percentOff ?? 0, durationMonths: row.durationMonths ?? 0 };
    case 'lower_tier':
      return { type: row.type, targetPlan: row.targetPlan, targetMrrMinor: row.targetMrrMinor ?? 0 };
    case 'annual_incentive':
      return { type: row.type, percentOff: row.percentOff ?? 0 };
    case 'extended_trial':
      return {
        type: row.type,
        targetPlan: row.targetPlan,
        targetMrrMinor: row.targetMrrMinor ?? 0,
        trialDays: row.trialDays ?? 0,
      };
    case 'session':
      return { type: row.type, sessionMinutes: row.sessionMinutes ?? 0 };
    case 'beta_access':
      return { type: row.type, feature: row.feature };
    case 'payment_grace':
      return { type: row.type, graceDays: row.graceDays ?? 0 };
  }
}
