import type { OfferCard } from '../offers/load-offer-card.ts';
import type { SlackDeps } from '../slack/slack-deps.ts';
import { checkDecider } from './check-decider.ts';

/** Before the reject modal opens: the clicker may decide, and the offer still waits for a decision. */
export async function prepareRejection(
  deps: SlackDeps,
  offerId: string,
  userId: string,
): Promise<{ status: 'ready' | 'too_late'; card: OfferCard }> {
  const card = await checkDecider(deps, offerId, userId);
  return { status: card.status === 'pending_approval' ? 'ready' : 'too_late', card };
}
