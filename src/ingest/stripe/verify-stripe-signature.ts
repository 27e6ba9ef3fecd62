import Stripe from 'stripe';

export type StripeSignatureErrorCode = 'missing_signature' | 'bad_signature' | 'stale_timestamp' | 'malformed_payload';

const MESSAGES: Record<StripeSignatureErrorCode, string> = {
  missing_signature: 'The request has no Stripe-Signature header.',
  bad_signature: 'The Stripe-Signature header does not match the request body and the webhook signing secret.',
  stale_timestamp: 'The Stripe-Signature timestamp is older than the allowed tolerance; the request may be a replay.',
  malformed_payload: 'The signed request body is not a JSON Stripe event.',
};

/** Why a webhook request was rejected; the endpoint answers 400 with the code and message. */
export class StripeSignatureError extends Error {
  override readonly name = 'StripeSignatureError';

  constructor(
    readonly code: StripeSignatureErrorCode,
    options?: { cause?: unknown },
  ) {
    super(MESSAGES[code], options);
  }
}

/**
 * Checks a webhook request's Stripe-Signature header against the raw, unparsed body and returns the event.
 * Offline: Stripe's static webhook helper only computes an HMAC. A `toleranceSeconds` of 0 turns the age
 * check off, as in Stripe's library; a timestamp in the future is accepted, as Stripe's library does.
 */
export function verifyStripeEvent(
  rawBody: Buffer | string,
  signatureHeader: string | undefined,
  secret: string,
  toleranceSeconds = 300,
  now: Date = new Date(),
): Stripe.Event {
  if (!signatureHeader) {
    throw new StripeSignatureError('missing_signature');
  }

  try {
    return Stripe.webhooks.constructEvent(rawBody, signatureHeader, secret, toleranceSeconds, undefined, now.getTime());
  } catch (error) {
    throw classifyFailure(error, rawBody, signatureHeader, secret, now);
  }
}

/**
 * Stripe raises one error type for every failure and tells them apart only in its prose. Checking the
 * signature again with the age check off separates a stale but genuine request from a forged one.
 */
function classifyFailure(error: unknown, rawBody: Buffer | string, header: string, secret: string, now: Date) {
  if (error instanceof SyntaxError) {
    return new StripeSignatureError('malformed_payload', { cause: error });
  }
  if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) {
    return error;
  }

  const genuine = hasGenuineSignature(rawBody, header, secret, now);
  return new StripeSignatureError(genuine ? 'stale_timestamp' : 'bad_signature', { cause: error });
}

function hasGenuineSignature(rawBody: Buffer | string, header: string, secret: string, now: Date): boolean {
  try {
    // A tolerance of 0 skips the age check.
    return Stripe.webhooks.signature?.verifyHeader(rawBody, header, secret, 0, undefined, now.getTime()) === true;
  } catch {
    return false;
  }
}

/** A valid Stripe-Signature header for a payload, for tests that post signed webhooks. */
export function signStripeTestPayload(payload: string, secret: string, signedAt: Date = new Date()): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    timestamp: Math.floor(signedAt.getTime() / 1000),
  });
}
