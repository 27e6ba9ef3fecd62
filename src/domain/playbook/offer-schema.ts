import { z } from 'zod';
import { expected, mapping, numberFrom, text, wholeNumberFrom } from './schema-messages.ts';

export const OFFER_TYPES = [
  'percent_discount',
  'lower_tier',
  'annual_incentive',
  'extended_trial',
  'session',
  'beta_access',
  'payment_grace',
] as const;

export type OfferType = (typeof OFFER_TYPES)[number];

/** How an offer reaches the customer. */
export const CHANNELS = ['email', 'call', 'in_app', 'slack_connect'] as const;

export type Channel = (typeof CHANNELS)[number];

function offerOf<const T extends OfferType, S extends z.core.$ZodLooseShape>(type: T, parameters: S) {
  return mapping({ type: z.literal(type), ...parameters }, { what: `a ${type} offer`, unknown: `field for ${type}` });
}

// The whole offer arrives when its type matches no option; the message quotes just the type.
function typeOf(input: unknown): unknown {
  return input !== null && typeof input === 'object' ? (input as { type?: unknown }).type : undefined;
}

/**
 * One offer and its parameters, chosen by `type`. Parameters: percentOff is a share of the price in
 * percent; durationMonths how many billing months a discount lasts; trialDays and graceDays are calendar
 * days; minutes the length of a session; plan names a tier (omitted: the next tier down); feature names
 * what beta access opens (omitted: whatever the customer asked for).
 */
export const offerSchema = z.discriminatedUnion(
  'type',
  [
    offerOf('percent_discount', { percentOff: numberFrom(1, 100), durationMonths: wholeNumberFrom(1, 36) }),
    offerOf('lower_tier', { plan: text().optional() }),
    offerOf('annual_incentive', { percentOff: numberFrom(1, 100) }),
    offerOf('extended_trial', { trialDays: wholeNumberFrom(1, 90) }),
    offerOf('session', { minutes: wholeNumberFrom(15, 240) }),
    offerOf('beta_access', { feature: text().optional() }),
    offerOf('payment_grace', { graceDays: wholeNumberFrom(1, 60) }),
  ],
  {
    error: (issue) => {
      if (issue.code === 'invalid_union') return expected(`one of ${OFFER_TYPES.join(', ')}`, typeOf(issue.input));
      return expected('a mapping with a type and its parameters', issue.input);
    },
  },
);

export type Offer = z.infer<typeof offerSchema>;
