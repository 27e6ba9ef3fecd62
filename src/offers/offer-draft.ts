import { z } from 'zod';
import { minorDigits } from '../domain/money.ts';
import type { OfferTerms, OfferType, TermsField } from '../domain/offers/offer-terms.ts';
import type { Offer as PlaybookOffer } from '../domain/playbook/offer-schema.ts';
import { parseDecimal } from '../ingest/csv/parse-decimal.ts';
import { toMinorUnits } from '../ingest/csv/to-minor-units.ts';

/** An offer as the modal holds it: a type and each parameter as typed (money in major units, "49.00"). */
export interface OfferDraft {
  type: OfferType;
  values: Partial<Record<TermsField, string>>;
}

// What a type starts with when the playbook has nothing for it; money is left for the proposer.
const STARTING_VALUES: { readonly [T in OfferType]: Partial<Record<TermsField, string>> } = {
  percent_discount: { percentOff: '10', durationMonths: '3' },
  lower_tier: {},
  annual_incentive: { percentOff: '15' },
  extended_trial: { trialDays: '14' },
  session: { sessionMinutes: '60' },
  beta_access: {},
  payment_grace: { graceDays: '14' },
};

/** The draft a type starts with: the playbook's offer of that type if it has one, else plain defaults. */
export function startingDraft(type: OfferType, playbook: readonly PlaybookOffer[], requestedFeature: string | null) {
  const offer = playbook.find((candidate) => candidate.type === type);
  const values: Partial<Record<TermsField, string>> = { ...STARTING_VALUES[type] };
  if (offer?.type === 'percent_discount') {
    Object.assign(values, {
      percentOff: String(Math.round(offer.percentOff)),
      durationMonths: String(offer.durationMonths),
    });
  }
  if (offer?.type === 'annual_incentive') values.percentOff = String(Math.round(offer.percentOff));
  if (offer?.type === 'lower_tier' && offer.plan) values.targetPlan = offer.plan;
  if (offer?.type === 'extended_trial') values.trialDays = String(offer.trialDays);
  if (offer?.type === 'session') values.sessionMinutes = String(offer.minutes);
  if (offer?.type === 'payment_grace') values.graceDays = String(offer.graceDays);
  if (type === 'beta_access') {
    const feature = offer?.type === 'beta_access' && offer.feature ? offer.feature : requestedFeature;
    if (feature) values.feature = feature;
  }
  return { type, values } satisfies OfferDraft;
}

/** Minor units as the modal shows them: 4900 USD → "49.00". */
export function toMajorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

const whole = (what: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .regex(/^\d+$/, `Enter ${what} as a whole number.`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `Enter ${what} from ${min} to ${max}.`);

const optionalText = z
  .string()
  .trim()
  .max(200, 'Keep it under 200 characters.')
  .optional()
  .transform((value) => value || null);

const price = (currency: string) =>
  z
    .string({ error: 'Enter the monthly price.' })
    .trim()
    .min(1, 'Enter the monthly price.')
    .transform((value, ctx) => {
      const decimal = parseDecimal(value, false);
      const minor = decimal.ok ? toMinorUnits(decimal.value, currency, 'major') : decimal;
      if (minor.ok) return minor.value;
      ctx.addIssue({ code: 'custom', message: `Enter the monthly price in ${currency}, such as 49.00.` });
      return z.NEVER;
    });

function termsSchema(type: OfferType, currency: string) {
  switch (type) {
    case 'percent_discount':
      return z.object({ percentOff: whole('the percent off', 1, 100), durationMonths: whole('the months', 1, 36) });
    case 'lower_tier':
      return z.object({ targetPlan: optionalText, targetMrrMinor: price(currency) });
    case 'annual_incentive':
      return z.object({ percentOff: whole('the percent off', 1, 100) });
    case 'extended_trial':
      return z.object({
        targetPlan: optionalText,
        targetMrrMinor: price(currency),
        trialDays: whole('the days', 1, 90),
      });
    case 'session':
      return z.object({ sessionMinutes: whole('the minutes', 15, 240) });
    case 'beta_access':
      return z.object({ feature: optionalText });
    case 'payment_grace':
      return z.object({ graceDays: whole('the days', 1, 60) });
  }
}

export type DraftParse = { ok: true; terms: OfferTerms } | { ok: false; errors: Partial<Record<TermsField, string>> };

/** The draft's terms, or one message per field that does not read; the limits are the guardrails' job. */
export function parseOfferDraft(draft: OfferDraft, currency: string): DraftParse {
  const result = termsSchema(draft.type, currency).safeParse(draft.values);
  if (result.success) return { ok: true, terms: { type: draft.type, ...result.data } as OfferTerms };

  const errors: Partial<Record<TermsField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as TermsField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
