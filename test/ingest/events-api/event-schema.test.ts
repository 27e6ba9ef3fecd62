import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../src/ingest/api/describe-issues.ts';
import { apiEnvelopeSchema, apiEventSchema } from '../../../src/ingest/api/event-schema.ts';

const T = '2025-03-01T12:00:00Z';
const SOURCE = 'expected the name of your billing system: 1 to 40 of a-z, 0-9, _ and -, such as chargebee';
const subscription = { id: 'evt_1', type: 'subscription.changed', occurredAt: T, accountId: 'a', status: 'active' };

function problems(event: unknown): string[] {
  const parsed = apiEventSchema.safeParse(event);
  return parsed.success ? [] : describeIssues(parsed.error.issues, ['events', 3]).map((problem) => problem.message);
}

describe('apiEventSchema', () => {
  it.each([
    [
      'a fractional amount',
      { ...subscription, mrrMinor: 12.5, currency: 'USD' },
      ['events[3].mrrMinor: expected an integer (minor units), got 12.5'],
    ],
    [
      'a negative amount',
      { ...subscription, mrrMinor: -1, currency: 'USD' },
      ['events[3].mrrMinor: expected an integer (minor units) from 0 to 2147483647, got -1'],
    ],
    [
      'an amount past an integer column',
      { ...subscription, mrrMinor: 2_147_483_648, currency: 'USD' },
      ['events[3].mrrMinor: expected an integer (minor units) from 0 to 2147483647, got 2147483648'],
    ],
    [
      'a missing amount and an unknown currency',
      { ...subscription, currency: 'XXY' },
      [
        'events[3].mrrMinor: missing; expected an integer (minor units)',
        'events[3].currency: expected an ISO 4217 currency code such as USD, got "XXY"',
      ],
    ],
    [
      'a misspelt field',
      { ...subscription, mrrMinor: 0, currency: 'USD', mrr_minor: 5 },
      [
        'events[3].mrr_minor: unknown field; subscription.changed has id, type, occurredAt, accountId, status, plan, ' +
          'mrrMinor, currency, seats, startedAt, churnedAt, churnReason, churnReasonText',
      ],
    ],
    [
      'a time without an offset',
      { ...subscription, mrrMinor: 0, currency: 'USD', occurredAt: '2025-03-01T12:00:00' },
      [
        'events[3].occurredAt: expected an ISO 8601 time with an offset, such as 2025-03-01T12:00:00Z, got ' +
          '"2025-03-01T12:00:00"',
      ],
    ],
    [
      'a date that does not exist',
      { ...subscription, mrrMinor: 0, currency: 'USD', startedAt: '2025-02-30T00:00:00Z' },
      [
        'events[3].startedAt: expected an ISO 8601 time with an offset, such as 2025-03-01T12:00:00Z, or null, got ' +
          '"2025-02-30T00:00:00Z"',
      ],
    ],
    [
      'an unknown type',
      { id: 'evt_1', type: 'invoice.paid', occurredAt: T },
      [
        'events[3].type: expected one of account.updated, subscription.changed, payment.failed, payment.recovered, ' +
          'payment.closed, got "invoice.paid"',
      ],
    ],
    [
      'an event that is not an object',
      'hello',
      ['events[3]: expected an event object with id, type and occurredAt, got "hello"'],
    ],
    [
      'an id too long',
      { id: 'x'.repeat(256), type: 'payment.recovered', occurredAt: T, accountId: 'a', invoiceId: 'i' },
      [
        'events[3].id: expected your unique id for this event, 1 to 255 characters, ' +
          `got "${'x'.repeat(40)}…" (256 characters)`,
      ],
    ],
    [
      'a closed payment that was paid',
      { id: 'e', type: 'payment.closed', occurredAt: T, accountId: 'a', invoiceId: 'i', status: 'paid' },
      ['events[3].status: expected one of void, uncollectible, got "paid"'],
    ],
  ])('refuses %s with a message naming the field', (_, event, expected) => {
    expect(problems(event)).toEqual(expected);
  });

  it('names every problem of an account at once, under account', () => {
    const account = {
      id: 'cus_1',
      name: '',
      email: 'bob@',
      timezone: 'Mars/Olympus',
      locale: 'not a locale',
      seats: 2.5,
      churnReason: 'pricey',
      emailConsent: 'yes',
    };

    expect(problems({ id: 'e', type: 'account.updated', occurredAt: T, account })).toEqual([
      'events[3].account.name: expected non-empty text or null, got ""',
      'events[3].account.email: expected an email address or null, got "bob@"',
      'events[3].account.timezone: expected an IANA time zone such as Europe/Paris, or null, got "Mars/Olympus"',
      'events[3].account.locale: expected a locale such as en-US, or null, got "not a locale"',
      'events[3].account.seats: expected a whole number of seats, or null, got 2.5',
      'events[3].account.churnReason: expected one of price, missing_feature, support, competitor, usability, ' +
        'involuntary, unused, low_quality, other, or null, got "pricey"',
      'events[3].account.emailConsent: expected true or false, got "yes"',
    ]);
  });

  it('asks for the amount of an invoice settled after several attempts, and not of one paid at once', () => {
    const recovered = { id: 'evt_9', type: 'payment.recovered', occurredAt: T, accountId: 'a', invoiceId: 'in_1' };

    expect(problems({ ...recovered, attemptCount: 2 })).toEqual([
      'events[3].amountMinor: missing; expected amountMinor and currency with an attemptCount over 1',
    ]);
    expect(problems({ ...recovered, attemptCount: 2, amountMinor: 4900, currency: 'GBP' })).toEqual([]);
    expect(problems({ ...recovered, attemptCount: 1 })).toEqual([]);
    expect(problems(recovered)).toEqual([]);
  });

  it('asks for the currency of an account mrrMinor', () => {
    const event = { id: 'e', type: 'account.updated', occurredAt: T, account: { id: 'a', mrrMinor: 100 } };

    expect(problems(event)).toEqual([
      'events[3].account.currency: missing; expected the currency of mrrMinor, such as USD',
    ]);
  });

  it('accepts offsets other than Z, lowercase currencies and null for optional fields', () => {
    const event = {
      ...subscription,
      occurredAt: '2025-03-01T13:00:00.123+01:00',
      mrrMinor: 0,
      currency: 'eur',
      plan: null,
    };

    expect(problems(event)).toEqual([]);
  });
});

describe('apiEnvelopeSchema', () => {
  it.each([
    ['an array body', [1], ['request body: expected a JSON object with source and events, got [1]']],
    ['an empty object', {}, [`source: missing; ${SOURCE}`, 'events: missing; expected an array of events']],
    [
      'a source with capitals and events as an object',
      { source: 'Chargebee', events: {} },
      [`source: ${SOURCE}, got "Chargebee"`, 'events: expected an array of events, got {}'],
    ],
    [
      'a source of 41 characters',
      { source: 'a'.repeat(41), events: [] },
      [`source: ${SOURCE}, got "${'a'.repeat(40)}…" (41 characters)`],
    ],
  ])('refuses %s', (_, body, expected) => {
    const parsed = apiEnvelopeSchema.safeParse(body);

    expect(parsed.success ? [] : describeIssues(parsed.error.issues).map((problem) => problem.message)).toEqual(
      expected,
    );
  });
});
