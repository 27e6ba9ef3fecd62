import { WinbackError } from '../errors.ts';
import { loadOfferCard, type OfferCard } from '../offers/load-offer-card.ts';
import type { SlackDeps } from '../slack/slack-deps.ts';

/** Only a manager decides an offer, and never one they proposed themselves. Returns the offer. */
export async function checkDecider(deps: SlackDeps, offerId: string, userId: string): Promise<OfferCard> {
  if (!(await deps.roles.isManager(userId))) {
    throw new WinbackError('not_manager', `user ${userId} is not a manager`, {
      userMessage: 'Only managers can approve or reject offers.',
    });
  }
  const card = await loadOfferCard(deps.prisma, offerId);
  if (card.proposerSlackId === userId) {
    throw new WinbackError('own_offer', `user ${userId} proposed offer ${offerId}`, {
      userMessage: 'You proposed this offer, so another manager has to decide it.',
    });
  }
  return card;
}
