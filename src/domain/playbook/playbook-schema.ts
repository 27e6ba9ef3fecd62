import type { z } from 'zod';
import { CHURN_REASONS, type ChurnReason } from '../churn-reason.ts';
import { CHANNELS, offerSchema } from './offer-schema.ts';
import { mapping, oneOf, text } from './schema-messages.ts';

/**
 * What the team does for one churn reason: `strategy` says the play in a sentence for the CS person;
 * `offer` is what the customer is given; `alternativeOffer` an optional second offer when the first does
 * not fit (price: a lower tier instead of a discount); `messageAngle` what the message leads with;
 * `channel` how it reaches the customer.
 */
export const playbookEntrySchema = mapping(
  {
    strategy: text(),
    offer: offerSchema,
    alternativeOffer: offerSchema.optional(),
    messageAngle: text(),
    channel: oneOf(CHANNELS),
  },
  { what: 'a mapping with strategy, offer, messageAngle and channel', missing: 'every churn reason needs an entry' },
);

const reasonsShape = Object.fromEntries(CHURN_REASONS.map((reason) => [reason, playbookEntrySchema])) as Record<
  ChurnReason,
  typeof playbookEntrySchema
>;

/** The whole file: one entry per churn reason of the taxonomy, none missing, none unknown. */
export const playbookSchema = mapping(
  {
    reasons: mapping(reasonsShape, {
      what: 'a mapping with one entry per churn reason',
      unknown: 'churn reason',
    }),
  },
  { what: 'a mapping with reasons' },
);

type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

export type PlaybookEntry = DeepReadonly<z.infer<typeof playbookEntrySchema>>;

export type Playbook = DeepReadonly<z.infer<typeof playbookSchema>>;
