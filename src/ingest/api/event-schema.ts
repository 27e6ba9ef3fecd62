import { z } from 'zod';
import { CHURN_REASONS } from '../../domain/churn-reason.ts';
import { expected } from './describe-issues.ts';
import {
  currency,
  email,
  locale,
  minorUnits,
  oneOf,
  optionalTime,
  reference,
  seats,
  sourceName,
  strictObject,
  text,
  time,
  timezone,
  whole,
} from './field-schemas.ts';

/** The most events one request may carry; docs/events-api.md promises it. */
export const MAX_EVENTS_PER_REQUEST = 1000;

const STATUSES = ['trialing', 'active', 'past_due', 'churned'] as const;
const churnReason = () => oneOf(CHURN_REASONS, ', or null').nullable().optional();
const accountId = reference("the account's id in your system, 1 to 255 characters");
const invoiceId = reference("the invoice's id in your system, 1 to 255 characters");

// Every event: the sender's id (the idempotency key), its type, and when it became true at the source.
const base = <const Type extends string>(type: Type) => ({
  id: reference('your unique id for this event, 1 to 255 characters'),
  type: z.literal(type),
  occurredAt: time(),
});

// Only the fields present are written: an account.updated may carry just the one field that changed.
const accountFields = strictObject("the account's fields, an object with at least id", 'account', {
  id: accountId,
  name: text(500),
  company: text(500),
  contactName: text(500),
  email: email(),
  timezone: timezone(),
  locale: locale(),
  plan: text(200),
  mrrMinor: minorUnits().optional(),
  currency: currency().optional(),
  seats: seats(),
  status: oneOf(STATUSES).optional(),
  startedAt: optionalTime(),
  churnedAt: optionalTime(),
  churnReason: churnReason(),
  churnReasonText: text(5000),
  emailConsent: z.boolean({ error: expected('true or false') }).optional(),
}).refine((account) => account.mrrMinor === undefined || account.currency !== undefined, {
  path: ['currency'],
  error: 'missing; expected the currency of mrrMinor, such as USD',
});

const accountUpdated = strictObject('an account.updated event', 'account.updated', {
  ...base('account.updated'),
  account: accountFields,
});

// The subscription's whole state: a field left out is stored as none, not kept from before.
const subscriptionChanged = strictObject('a subscription.changed event', 'subscription.changed', {
  ...base('subscription.changed'),
  accountId,
  status: oneOf(STATUSES),
  plan: text(200),
  mrrMinor: minorUnits(),
  currency: currency(),
  seats: seats(),
  startedAt: optionalTime(),
  churnedAt: optionalTime(),
  churnReason: churnReason(),
  churnReasonText: text(5000),
});

const paymentFailed = strictObject('a payment.failed event', 'payment.failed', {
  ...base('payment.failed'),
  accountId,
  invoiceId,
  amountMinor: minorUnits(),
  currency: currency(),
  attemptCount: whole('a whole number of charge attempts so far', 1).optional(),
  nextRetryAt: optionalTime(),
  declineCode: text(100),
  failureMessage: text(1000),
});

// What a settlement may say of its invoice: settled after more than one attempt, it failed before, and
// winback remembers that failure as settled, so a payment.failed for it arriving late changes nothing.
const settledInvoice = {
  attemptCount: whole('a whole number of charge attempts, the settling one included', 1).optional(),
  amountMinor: minorUnits().optional(),
  currency: currency().optional(),
};
type SettledFields = { attemptCount?: number; amountMinor?: number; currency?: string };
const hasSettledAmount = (event: SettledFields) =>
  (event.attemptCount ?? 1) <= 1 || (event.amountMinor !== undefined && event.currency !== undefined);
const SETTLED_AMOUNT_MISSING = {
  path: ['amountMinor'],
  error: 'missing; expected amountMinor and currency with an attemptCount over 1',
};

const paymentRecovered = strictObject('a payment.recovered event', 'payment.recovered', {
  ...base('payment.recovered'),
  accountId,
  invoiceId,
  ...settledInvoice,
}).refine(hasSettledAmount, SETTLED_AMOUNT_MISSING);

const paymentClosed = strictObject('a payment.closed event', 'payment.closed', {
  ...base('payment.closed'),
  accountId,
  invoiceId,
  status: oneOf(['void', 'uncollectible']),
  ...settledInvoice,
}).refine(hasSettledAmount, SETTLED_AMOUNT_MISSING);

const EVENTS = [accountUpdated, subscriptionChanged, paymentFailed, paymentRecovered, paymentClosed] as const;
export const EVENT_TYPES = EVENTS.map((schema) => schema.shape.type.value);

/** One event of POST /api/events, told apart by `type`; docs/events-api.md documents each. */
export const apiEventSchema = z.discriminatedUnion('type', EVENTS, {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return expected('an event object with id, type and occurredAt')(issue);
    // An unknown or missing type: the issue carries the whole event, the message is about its type.
    const type = (issue.input as { type?: unknown } | undefined)?.type;
    return expected(`one of ${EVENT_TYPES.join(', ')}`)({ input: type });
  },
});

/** The request around the events. Events stay unknown here: each is checked alone, so a bad one rejects only itself. */
export const apiEnvelopeSchema = strictObject('a JSON object with source and events', 'the request body', {
  source: sourceName(),
  events: z.array(z.unknown(), { error: expected('an array of events') }),
});

export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiEnvelope = z.infer<typeof apiEnvelopeSchema>;
