import { createPublicKey, type KeyObject, verify } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-twilio-email-event-webhook-signature';
export const TIMESTAMP_HEADER = 'x-twilio-email-event-webhook-timestamp';

// SendGrid signs each POST as it sends it; a timestamp this far from our clock is a replay or a stale retry.
export const TOLERANCE_SECONDS = 300;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** The Verification Key SendGrid shows: base64 DER SubjectPublicKeyInfo of an ECDSA P-256 key. */
export function eventWebhookKey(base64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
}

/**
 * The check @sendgrid/eventwebhook makes (that package is not installed here), done with node:crypto:
 * ECDSA P-256 with SHA-256 over the timestamp header's text followed by the raw body bytes, the
 * signature base64 DER. On top of it, a timestamp more than five minutes off is refused.
 */
export function verifyEventSignature(
  key: KeyObject,
  rawBody: Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };

  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  try {
    return verify('sha256', signed, key, Buffer.from(signature, 'base64'))
      ? { ok: true }
      : { ok: false, reason: 'mismatch' };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
