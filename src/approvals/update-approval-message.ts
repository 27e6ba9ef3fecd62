import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log.ts';
import type { OfferCard } from '../offers/load-offer-card.ts';
import { settledApprovalMessage } from '../slack/blocks/approval-blocks.ts';

/**
 * Re-renders an offer's approval request as settled (approved, rejected, expired or replaced). The
 * change in the database stands if Slack refuses (message deleted, channel archived); it is logged.
 */
export async function updateApprovalMessage(slack: WebClient, card: OfferCard, logger: Logger): Promise<void> {
  if (!card.approval) return;
  try {
    await slack.chat.update({
      channel: card.approval.channelId,
      ts: card.approval.ts,
      ...settledApprovalMessage(card),
    });
  } catch (error) {
    logger.warn({ err: error, offerId: card.offerId }, 'approval message could not be updated');
  }
}
