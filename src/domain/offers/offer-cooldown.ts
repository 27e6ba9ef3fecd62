import type { OfferStatus } from '../../generated/prisma/enums.ts';

/** An earlier offer of the account, as the stacking and cooldown rules see it. */
export interface EarlierOffer {
  id: string;
  status: OfferStatus;
  createdAt: Date;
  codeExpiresAt: Date | null;
}

// Still in play: waiting, approved or sent, and its code (if any) not expired.
const IN_PLAY: readonly OfferStatus[] = ['proposed', 'pending_approval', 'approved', 'sent'];
// Never reached the customer, so they start no cooldown.
const NEVER_OFFERED: readonly OfferStatus[] = ['rejected', 'expired'];

const DAY_MS = 24 * 60 * 60 * 1000;

export function isActiveOffer(offer: EarlierOffer, now: Date): boolean {
  return IN_PLAY.includes(offer.status) && (offer.codeExpiresAt === null || offer.codeExpiresAt > now);
}

export type OfferTiming =
  | { kind: 'free' }
  | { kind: 'active'; offer: EarlierOffer }
  | { kind: 'cooling_down'; lastOfferAt: Date; until: Date };

/**
 * Whether the account may get a new offer now. No stacking: an active offer blocks a second one
 * (only a manager replacing it gets past, which the caller decides). Cooldown: once `cooldownDays`
 * have passed since the newest offer that was not rejected or left to expire, inclusive.
 */
export function checkOfferTiming(offers: EarlierOffer[], now: Date, cooldownDays: number): OfferTiming {
  const active = offers.find((offer) => isActiveOffer(offer, now));
  if (active) return { kind: 'active', offer: active };

  const counted = offers.filter((offer) => !NEVER_OFFERED.includes(offer.status));
  const last = counted.reduce<Date | null>(
    (newest, offer) => (!newest || offer.createdAt > newest ? offer.createdAt : newest),
    null,
  );
  if (!last) return { kind: 'free' };

  const until = new Date(last.getTime() + cooldownDays * DAY_MS);
  return now >= until ? { kind: 'free' } : { kind: 'cooling_down', lastOfferAt: last, until };
}
