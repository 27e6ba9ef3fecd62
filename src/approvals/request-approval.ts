import type { WebClient } from '@slack/web-api';
import { recordAudit } from '../audit/record-audit.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { WinbackError } from '../errors.ts';
import type { OfferCard } from '../offers/load-offer-card.ts';
import { approvalRequestMessage } from '../slack/blocks/approval-blocks.ts';

const slackError = (error: unknown) => (error as { data?: { error?: string } }).data?.error ?? 'no answer';

/**
 * Posts the offer's approval request to the approvals channel; only then is the offer
 * pending_approval. If Slack refuses the post (the app not in the channel, say), nobody can decide
 * it, so it ends as expired at once rather than block the account until its approval time ran out.
 */
export async function requestApproval(
  prisma: PrismaClient,
  slack: WebClient,
  card: OfferCard,
  channel: string,
  whyManager: string[],
): Promise<void> {
  let posted: { channel?: string; ts?: string };
  try {
    posted = await slack.chat.postMessage({ channel, ...approvalRequestMessage(card, whyManager) });
  } catch (error) {
    await settle(prisma, card.offerId, 'expired', { reason: `approval request not posted: ${slackError(error)}` });
    throw new WinbackError('approval_not_posted', `offer ${card.offerId}: ${slackError(error)}`, {
      cause: error,
      userMessage:
        `The offer could not be posted for approval in <#${channel}> (Slack said: ${slackError(error)}), so it was ` +
        'not kept. Ask an admin to invite the app to that channel, then propose it again.',
    });
  }
  const approval = { approvalChannelId: posted.channel ?? channel, approvalTs: String(posted.ts) };
  await settle(prisma, card.offerId, 'pending_approval', approval);
}

// Only a still-proposed offer moves on; one a manager replaced meanwhile stays as it is.
async function settle(
  prisma: PrismaClient,
  offerId: string,
  status: 'pending_approval' | 'expired',
  details: { reason: string } | { approvalChannelId: string; approvalTs: string },
) {
  await prisma.$transaction(async (tx) => {
    const data = 'reason' in details ? { status } : { status, ...details };
    const moved = await tx.offer.updateMany({ where: { id: offerId, status: 'proposed' }, data });
    if (moved.count === 0) return;
    await recordAudit(tx, {
      actor: 'system:approvals',
      action: status === 'expired' ? 'offer.expired' : 'offer.approval_requested',
      entityType: 'offer',
      entityId: offerId,
      before: { status: 'proposed' },
      after: { status, ...details },
    });
  });
}
