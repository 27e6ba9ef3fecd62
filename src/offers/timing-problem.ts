import { DateTime } from 'luxon';
import { describeOffer } from '../domain/offers/describe-offer.ts';
import { checkOfferTiming, type OfferTiming } from '../domain/offers/offer-cooldown.ts';
import type { OfferTerms } from '../domain/offers/offer-terms.ts';
import type { OfferStatus } from '../generated/prisma/enums.ts';
import type { OfferAccount } from './load-offer-account.ts';

const IN_PLAY_LABELS: Partial<Record<OfferStatus, string>> = {
  proposed: 'being proposed',
  pending_approval: 'waiting for approval',
  approved: 'approved, not sent yet',
  sent: 'sent to the customer',
};

interface TimingContext {
  timing: OfferTiming;
  /** The active offer's terms, when there is one. */
  activeTerms: OfferTerms | null;
  currency: string;
  isManager: boolean;
  cooldownDays: number;
  zone: string;
}

/**
 * Why no offer may be proposed for the account now, as plain text (escape it for mrkdwn), or null.
 * An active offer stops everyone but a manager, who may replace it; the cooldown stops everyone.
 */
function timingProblem(context: TimingContext): string | null {
  const { timing } = context;
  if (timing.kind === 'free') return null;
  if (timing.kind === 'active') {
    if (context.isManager) return null;
    const what = context.activeTerms ? `${describeOffer(context.activeTerms, context.currency)}, ` : '';
    const state = IN_PLAY_LABELS[timing.offer.status] ?? timing.offer.status;
    const rule = 'One offer at a time: a manager can replace it.';
    return `This account already has an offer in play (${what}${state}). ${rule}`;
  }
  const day = (date: Date) =>
    DateTime.fromJSDate(date, { zone: context.zone }).setLocale('en-GB').toFormat('d LLL yyyy');
  return (
    `This account got an offer on ${day(timing.lastOfferAt)}; the next one can be proposed from ` +
    `${day(timing.until)} (${context.cooldownDays}-day cooldown).`
  );
}

export interface TimingVerdict {
  /** The account's offer in play, if any. */
  active: OfferAccount['earlierOffers'][number] | null;
  /** Why the user may propose nothing now (plain text), or null. */
  problem: string | null;
}

/** The stacking and cooldown rules for this user and account, now. */
export function judgeOfferTiming(
  account: OfferAccount,
  options: { isManager: boolean; cooldownDays: number; zone: string; now: Date },
): TimingVerdict {
  const timing = checkOfferTiming(account.earlierOffers, options.now, options.cooldownDays);
  const active =
    timing.kind === 'active' ? (account.earlierOffers.find((o) => o.id === timing.offer.id) ?? null) : null;
  const problem = timingProblem({ ...options, timing, activeTerms: active?.terms ?? null, currency: account.currency });
  return { active, problem };
}
