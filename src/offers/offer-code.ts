import { randomBytes } from 'node:crypto';

// Crockford's base 32: no I, L, O or U, so a code read aloud or retyped is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A single-use offer code such as WB-7KQ2-MX9D: 40 random bits, so a collision (which the unique
 * index on Offer.code would refuse, failing that approval) is not a practical concern.
 */
export function generateOfferCode(prefix: string): string {
  const chars = [...randomBytes(8)].map((byte) => ALPHABET[byte % 32]).join('');
  return `${prefix}-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** The code and the moment it stops being valid, for an offer approved `now`. */
export function issueOfferCode(prefix: string, validDays: number, now: Date) {
  return { code: generateOfferCode(prefix), codeExpiresAt: new Date(now.getTime() + validDays * DAY_MS) };
}
