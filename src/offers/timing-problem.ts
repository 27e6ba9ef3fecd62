import { DateTime } from 'luxon';
import { describeOffer } from '../domain/offers/describe-offer.ts';
import type { OfferTiming } from '../domain/offers/offer-cooldown.ts';
import type { OfferTerms } from '../domain/offers/offer-terms.ts';
import type { OfferStatus } from '../generated/prisma/enums.ts';

const IN_PLAY_LABELS: Partial<Record<OfferStatus, string>> = {
  proposed: 'being proposed',
  pending_approval: 'waiting for approval',
  approved: 'approved, not sent yet',
  sent: 'sent to the customer',
};

export interface TimingContext {
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
export function timingProblem(context: TimingContext): string | null {
  const { timing } = context;
  if (timing.kind === 'free') return null;
  if (timing.kind === 'active') {
    if (context.isManager) return null;
    const what = context.activeTerms ? `${describeOffer(context.activeTerms, context.currency)}, ` : '';
    const state = IN_PLAY_LABELS[timing.offer.status] ?? timing.offer.status;
    return `This account already has an offer in play (${what}${state}). One offer at a time: a manager can replace it.`;
  }
  const day = (date: Date) =>
    DateTime.fromJSDate(date, { zone: context.zone }).setLocale('en-GB').toFormat('d LLL yyyy');
  return (
    `This account got an offer on ${day(timing.lastOfferAt)}; the next one can be proposed from ` +
    `${day(timing.until)} (${context.cooldownDays}-day cooldown).`
  );
}
