import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { refreshHomes } from '../approvals/refresh-homes.ts';
import { requestApproval } from '../approvals/request-approval.ts';
import { updateApprovalMessage } from '../approvals/update-approval-message.ts';
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
  if (recorded.replaced) {
    await updateApprovalMessage(slack, await loadOfferCard(deps.prisma, recorded.replaced.offerId), log);
  }

  const card = await loadOfferCard(deps.prisma, recorded.offerId);
  const whyManager = recorded.verdict.kind === 'needs_manager' ? recorded.verdict.reasons : [];
  const channel = deps.settings.WINBACK_APPROVALS_CHANNEL ?? null;

  if (recorded.verdict.kind === 'needs_manager' && channel) {
    await requestApproval(deps.prisma, slack, card, channel, whyManager);
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
