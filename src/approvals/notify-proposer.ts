import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log.ts';
import type { OfferCard } from '../offers/load-offer-card.ts';
import { offerSettledNotice } from '../slack/blocks/offer-notice-blocks.ts';

/** A direct message to whoever proposed the offer (posting to a user id needs only chat:write). */
export async function notifyProposer(slack: WebClient, card: OfferCard, expiresAfterHours: number, logger: Logger) {
  try {
    await slack.chat.postMessage({ channel: card.proposerSlackId, ...offerSettledNotice(card, expiresAfterHours) });
  } catch (error) {
    logger.warn({ err: error, offerId: card.offerId }, 'proposer could not be told');
  }
}
