import { describe, expect, it } from 'vitest';
import {
  StripeSignatureError,
  signStripeTestPayload,
  verifyStripeEvent,
} from '../../../src/ingest/stripe/verify-stripe-signature.ts';
import { readStripeDataFile } from './stripe-fixtures.ts';

const secret = 'whsec_test_secret';
const now = new Date('2026-03-01T12:00:00Z');
const body = readStripeDataFile('stripe-ruby-mock-webhook-fixtures/invoice.payment_failed.json');

function secondsBefore(date: Date, seconds: number): Date {
  return new Date(date.getTime() - seconds * 1000);
}

function rejectionOf(verify: () => unknown): StripeSignatureError {
  try {
    verify();
  } catch (error) {
    expect(error).toBeInstanceOf(StripeSignatureError);
    return error as StripeSignatureError;
  }
  throw new Error('expected the request to be rejected');
}

describe('verifyStripeEvent', () => {
  it('returns the event of a captured body signed with the secret', () => {
    const event = verifyStripeEvent(body, signStripeTestPayload(body, secret, now), secret, 300, now);

    expect(event).toMatchObject({ id: 'evt_000000000000000000000000', type: 'invoice.payment_failed' });
  });

  it('accepts the raw body as a Buffer', () => {
    const header = signStripeTestPayload(body, secret, now);

    expect(verifyStripeEvent(Buffer.from(body), header, secret, 300, now).type).toBe('invoice.payment_failed');
  });

  it.each([
    { rule: 'accepts a signature exactly at the tolerance', age: 300, tolerance: 300 },
    { rule: 'accepts any age when the tolerance is 0, as Stripe does', age: 86_400, tolerance: 0 },
  ])('$rule', ({ age, tolerance }) => {
    const header = signStripeTestPayload(body, secret, secondsBefore(now, age));

    expect(verifyStripeEvent(body, header, secret, tolerance, now).id).toBe('evt_000000000000000000000000');
  });

  it.each([
    { rule: 'an absent header', header: undefined },
    { rule: 'an empty header', header: '' },
  ])('rejects $rule as missing_signature', ({ header }) => {
    expect(rejectionOf(() => verifyStripeEvent(body, header, secret, 300, now))).toMatchObject({
      name: 'StripeSignatureError',
      code: 'missing_signature',
      message: 'The request has no Stripe-Signature header.',
    });
  });

  it.each([
    { rule: 'a tampered body', sign: () => signStripeTestPayload(body, secret, now), sent: body.replace('2000', '1') },
    {
      rule: 'a body signed with another secret',
      sign: () => signStripeTestPayload(body, 'whsec_other', now),
      sent: body,
    },
    { rule: 'a header without a v1 signature', sign: () => `t=${now.getTime() / 1000},v0=abc`, sent: body },
    { rule: 'a header that is not Stripe’s format', sign: () => 'sha256=abc', sent: body },
  ])('rejects $rule as bad_signature', ({ sign, sent }) => {
    expect(rejectionOf(() => verifyStripeEvent(sent, sign(), secret, 300, now)).code).toBe('bad_signature');
  });

  it('rejects a genuine signature older than the tolerance as stale_timestamp', () => {
    const header = signStripeTestPayload(body, secret, secondsBefore(now, 301));

    expect(rejectionOf(() => verifyStripeEvent(body, header, secret, 300, now))).toMatchObject({
      code: 'stale_timestamp',
      message: expect.stringContaining('older than the allowed tolerance'),
    });
  });

  it('rejects a stale signature that is also forged as bad_signature', () => {
    const header = signStripeTestPayload(body, 'whsec_other', secondsBefore(now, 3600));

    expect(rejectionOf(() => verifyStripeEvent(body, header, secret, 300, now)).code).toBe('bad_signature');
  });

  it('rejects a correctly signed body that is not JSON as malformed_payload', () => {
    const header = signStripeTestPayload('not json', secret, now);

    expect(rejectionOf(() => verifyStripeEvent('not json', header, secret, 300, now)).code).toBe('malformed_payload');
  });
});

describe('verifyStripeEvent against the reference vectors', () => {
  const reference = JSON.parse(readStripeDataFile('signature/stripe_signature_reference.json'));
  const vector = reference.collector_computed_vector;
  const signedAt = new Date(Number(vector.timestamp) * 1000);

  it('accepts the collector-computed vector (HMAC checked independently) within the tolerance', () => {
    const event = verifyStripeEvent(
      vector.payload,
      vector.header,
      vector.secret,
      300,
      new Date(signedAt.getTime() + 10_000),
    );

    expect(event).toEqual({ id: 'evt_test_webhook', object: 'event' });
  });

  it('rejects the same vector 301 seconds later as stale_timestamp', () => {
    const later = new Date(signedAt.getTime() + 301_000);

    expect(rejectionOf(() => verifyStripeEvent(vector.payload, vector.header, vector.secret, 300, later)).code).toBe(
      'stale_timestamp',
    );
  });

  it('signs the stripe-node test inputs to exactly the collector-computed header', () => {
    expect(signStripeTestPayload(vector.payload, vector.secret, signedAt)).toBe(vector.header);
  });

  it('rejects Stripe’s documented header example, whose secret is unpublished, as bad_signature', () => {
    const header = reference.docs_header_example.value;
    const at = new Date(1_492_774_577_000);

    expect(rejectionOf(() => verifyStripeEvent(vector.payload, header, secret, 300, at)).code).toBe('bad_signature');
  });
});
