import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventWebhookKey, verifyEventSignature } from '../../src/email/verify-event-signature.ts';

interface Vector {
  name: string;
  public_key: string;
  signature: string;
  timestamp: string;
  payload: string;
  expect_valid: boolean;
}

const fixtures = new URL('../fixtures/sendgrid/signed-event-webhook-vector/', import.meta.url);
const { vectors } = JSON.parse(
  readFileSync(new URL('sendgrid_event_webhook_ecdsa_vectors.json', fixtures), 'utf8'),
) as {
  vectors: Vector[];
};
const byName = (name: string) => vectors.find((vector) => vector.name === name) as Vector;

// The vectors were signed in 2020 and 2021: each is checked at its own moment, as SendGrid sent it.
const check = (vector: Vector, body: Buffer = Buffer.from(vector.payload, 'utf8'), now = Number(vector.timestamp)) =>
  verifyEventSignature(eventWebhookKey(vector.public_key), body, vector.signature, vector.timestamp, now);

describe('verifyEventSignature with sendgrid-nodejs vectors', () => {
  it.each(
    vectors.filter((vector) => vector.timestamp !== 'timestamp').map((vector) => [vector.name, vector]),
  )('%s', (_name, vector) => {
    expect(check(vector).ok).toBe(vector.expect_valid);
  });

  it('accepts the signed raw bodies as stored byte for byte, CRLF line ends included', () => {
    const single = readFileSync(new URL('single_event.raw_body.txt', fixtures));
    const multi = readFileSync(new URL('multi_event.raw_body.txt', fixtures));
    expect(check(byName('single_event_dropped'), single)).toEqual({ ok: true });
    expect(check(byName('multi_event_processed_bounce'), multi)).toEqual({ ok: true });
  });

  it('refuses a body changed by one byte', () => {
    const vector = byName('single_event_dropped');
    const tampered = Buffer.from(vector.payload.replace('Bounced Address', 'Bounced Addresz'), 'utf8');
    expect(check(vector, tampered)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a body re-serialized by JSON.stringify: the raw bytes are what was signed', () => {
    const vector = byName('multi_event_processed_bounce');
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(vector.payload)), 'utf8');
    expect(check(vector, reserialized)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a stale timestamp even with a valid signature: more than 5 minutes either way', () => {
    const vector = byName('single_event_dropped');
    const signedAt = Number(vector.timestamp);
    expect(check(vector, undefined, signedAt + 300).ok).toBe(true);
    expect(check(vector, undefined, signedAt + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(check(vector, undefined, signedAt - 301)).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a timestamp that is not a number, and missing headers', () => {
    const vector = byName('bad_timestamp');
    expect(check(vector, undefined, 1600112502)).toEqual({ ok: false, reason: 'malformed' });
    const key = eventWebhookKey(vector.public_key);
    expect(verifyEventSignature(key, Buffer.from('[]'), undefined, '1600112502', 1600112502)).toEqual({
      ok: false,
      reason: 'missing',
    });
  });
});
