import { z } from 'zod';
import { OFFER_TYPES } from '../playbook/offer-schema.ts';
import { expected, mapping, wholeNumberFrom } from '../playbook/schema-messages.ts';

// Amounts are minor units of one currency each (`USD: 500000` is $5,000.00): winback never converts.
const perCurrency = () =>
  z.record(z.string().regex(/^[A-Z]{3}$/), wholeNumberFrom(0, 1_000_000_000), {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? 'expected an ISO 4217 currency code in capitals, such as USD'
        : expected('a mapping of currency to minor units, e.g. { USD: 15000 }', issue.input),
  });

const autoRule = mapping(
  {
    maxPercentOff: wholeNumberFrom(1, 100).optional(),
    maxDurationMonths: wholeNumberFrom(1, 36).optional(),
    maxTrialDays: wholeNumberFrom(1, 90).optional(),
    maxGraceDays: wholeNumberFrom(1, 60).optional(),
    maxSessionMinutes: wholeNumberFrom(15, 240).optional(),
  },
  { what: 'a mapping of limits (or {} for none)' },
);

const autoOffers = mapping(Object.fromEntries(OFFER_TYPES.map((type) => [type, autoRule.optional()])), {
  what: 'a mapping of offer type to its auto-approval limits',
  unknown: 'offer type',
});

/**
 * The whole guardrails file. `limits` bind everyone, managers too; `autoApproval` says which offers
 * need nobody's sign-off (everything else waits for a manager); `costShare` caps an offer's cost
 * against what the account is expected to bring back; `costs` prices what has no price of its own.
 */
export const guardrailsSchema = mapping(
  {
    limits: mapping(
      {
        maxPercentOff: wholeNumberFrom(1, 100),
        maxDurationMonths: wholeNumberFrom(1, 36),
        maxTrialDays: wholeNumberFrom(1, 90),
        maxGraceDays: wholeNumberFrom(1, 60),
        maxSessionMinutes: wholeNumberFrom(15, 240),
      },
      { what: 'a mapping of limits' },
    ),
    autoApproval: mapping(
      { clvBelowMinor: perCurrency(), offers: autoOffers },
      { what: 'a mapping with clvBelowMinor and offers' },
    ),
    costShare: mapping(
      { maxPercentOfExpectedBack: wholeNumberFrom(1, 100), expectedBackMonths: wholeNumberFrom(1, 60) },
      { what: 'a mapping with maxPercentOfExpectedBack and expectedBackMonths' },
    ),
    cooldownDays: wholeNumberFrom(0, 365),
    approvalExpiresAfterHours: wholeNumberFrom(1, 720),
    codes: mapping(
      {
        prefix: z
          .string({ error: (issue) => expected('2 to 8 capital letters', issue.input) })
          .regex(/^[A-Z]{2,8}$/, { error: (issue) => expected('2 to 8 capital letters', issue.input) }),
        validDays: wholeNumberFrom(1, 365),
      },
      { what: 'a mapping with prefix and validDays' },
    ),
    costs: mapping(
      {
        sessionPerHourMinor: perCurrency(),
        betaAccessMinor: perCurrency(),
        lowerTierMonths: wholeNumberFrom(1, 60),
      },
      { what: 'a mapping with sessionPerHourMinor, betaAccessMinor and lowerTierMonths' },
    ),
  },
  { what: 'a mapping of guardrails' },
);

type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

export type Guardrails = DeepReadonly<z.infer<typeof guardrailsSchema>>;

export type AutoApprovalRule = DeepReadonly<z.infer<typeof autoRule>>;

export type OfferCosts = Guardrails['costs'];
