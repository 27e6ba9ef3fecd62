import type { AccountStatus, OfferStatus } from '../generated/prisma/enums.ts';

export interface NextStepFacts {
  status: AccountStatus;
  /** A win-back outcome is recorded: the customer came back. */
  wonBack: boolean;
  hasOpenFailure: boolean;
  hasFeedback: boolean;
  /** The newest offer that was not replaced by another, if any. */
  latestOffer: OfferStatus | null;
}

const OFFER_STEPS: Record<OfferStatus, string> = {
  proposed: 'Send the offer for approval',
  pending_approval: 'Wait for a manager to approve the offer',
  approved: 'Send the email',
  sent: 'Wait for their answer',
  accepted: 'Check that they came back',
  rejected: 'Propose another offer',
  expired: 'Propose a new offer',
  replaced: 'Propose an offer',
};

/**
 * What the owner of a claimed account should do next, from where the win-back stands: a customer
 * who came back needs nothing more; an unpaid invoice needs the payment fixed; otherwise the steps
 * run feedback → offer → approval → email → answer.
 */
export function nextStepOf(facts: NextStepFacts): string {
  if (facts.wonBack && facts.status !== 'churned') return 'Won back: release the claim when you are done';
  if (facts.status !== 'churned') {
    return facts.hasOpenFailure ? 'Help them fix the failed payment' : 'Nothing to win back: release the claim';
  }
  if (!facts.hasFeedback) return 'Log why they left';
  if (facts.latestOffer === null) return 'Propose an offer';
  return OFFER_STEPS[facts.latestOffer];
}
