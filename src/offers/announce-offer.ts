import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { refreshHomes } from '../approvals/refresh-homes.ts';
import { updateApprovalMessage } from '../approvals/update-approval-message.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { approvalRequestMessage } from '../slack/blocks/approval-blocks.ts';
import { offerRecordedMessage } from '../slack/blocks/offer-notice-blocks.ts';
import type { SlackDeps } from '../slack/slack-deps.ts';
import { loadOfferCard } from './load-offer-card.ts';
import { noteOfferInThread } from './note-offer-in-thread.ts';
import type { ProposalResult } from './propose-offer.ts';

type Recorded = Extract<ProposalResult, { status: 'recorded' }>;

/**
 * Tells Slack about a recorded offer: an offer that needs a manager is posted to the approvals
 * channel (and only then becomes pending_approval); an approved one is noted in the account's
 * thread. A replaced offer's approval request says so. The proposer hears what happened.
 */
export async function announceOffer(deps: SlackDeps, slack: WebClient, recorded: Recorded, reply: RespondFn) {
  const log = deps.logger.child({ offerId: recorded.offerId });
  if (recorded.replaced)
    await updateApprovalMessage(slack, await loadOfferCard(deps.prisma, recorded.replaced.offerId), log);

  const card = await loadOfferCard(deps.prisma, recorded.offerId);
  const whyManager = recorded.verdict.kind === 'needs_manager' ? recorded.verdict.reasons : [];
  const channel = deps.settings.WINBACK_APPROVALS_CHANNEL ?? null;

  if (recorded.verdict.kind === 'needs_manager' && channel) {
    const posted = await slack.chat.postMessage({ channel, ...approvalRequestMessage(card, whyManager) });
    await deps.prisma.$transaction(async (tx) => {
      // Only a still-proposed offer becomes pending; one replaced meanwhile stays as it is.
      const moved = await tx.offer.updateMany({
        where: { id: card.offerId, status: 'proposed' },
        data: {
          status: 'pending_approval',
          approvalChannelId: String(posted.channel ?? channel),
          approvalTs: String(posted.ts),
        },
      });
      if (moved.count === 0) return;
      await recordAudit(tx, {
        actor: 'system:approvals',
        action: 'offer.approval_requested',
        entityType: 'offer',
        entityId: card.offerId,
        before: { status: 'proposed' },
        after: { status: 'pending_approval', approvalChannelId: channel, approvalTs: String(posted.ts) },
      });
    });
  } else {
    await noteOfferInThread(deps, slack, card);
  }

  await reply({
    response_type: 'ephemeral',
    replace_original: false,
    ...offerRecordedMessage(card, whyManager, channel),
  });
  log.info({ verdict: recorded.verdict.kind, replaced: Boolean(recorded.replaced) }, 'offer announced');
  await refreshHomes(deps, slack, [card.proposerSlackId]);
}
