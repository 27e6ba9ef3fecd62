import type { WebClient } from '@slack/web-api';
import { recordAudit } from '../audit/record-audit.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { loadOfferCard, type OfferCard } from '../offers/load-offer-card.ts';
import { noteOfferInThread } from '../offers/note-offer-in-thread.ts';
import { issueOfferCode } from '../offers/offer-code.ts';
import type { SlackDeps } from '../slack/slack-deps.ts';
import { checkDecider } from './check-decider.ts';
import { notifyProposer } from './notify-proposer.ts';
import { refreshHomes } from './refresh-homes.ts';
import { updateApprovalMessage } from './update-approval-message.ts';

export interface DecisionInput {
  offerId: string;
  deciderSlackId: string;
  decision: 'approved' | 'rejected';
  /** Why, for a rejection: the proposer reads it. */
  reason: string | null;
}

/** `too_late`: another manager decided first, or the offer expired or was replaced meanwhile. */
export type DecisionResult = { status: 'decided' | 'too_late'; card: OfferCard };

class NoLongerPending extends Error {}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * A manager's decision on a pending offer. The unique OfferDecision per offer settles two managers
 * clicking at once: one insert wins, the other waits on the index, fails and is told who decided;
 * the offer's conditional update settles a race with expiry. Only the winner updates the approval
 * message, tells the proposer, notes an approval in the account's thread and refreshes Home tabs.
 */
export async function decideOffer(
  deps: SlackDeps,
  slack: WebClient,
  input: DecisionInput,
  now = new Date(),
): Promise<DecisionResult> {
  const card = await checkDecider(deps, input.offerId, input.deciderSlackId);
  if (card.status !== 'pending_approval') return { status: 'too_late', card };
  const { codes, approvalExpiresAfterHours } = deps.settings.WINBACK_GUARDRAILS;

  try {
    await deps.prisma.$transaction(async (tx) => {
      const decision = await tx.offerDecision.create({
        data: {
          offerId: card.offerId,
          deciderSlackId: input.deciderSlackId,
          decision: input.decision,
          reason: input.reason,
        },
      });
      const code = input.decision === 'approved' ? issueOfferCode(codes.prefix, codes.validDays, now) : {};
      const moved = await tx.offer.updateMany({
        where: { id: card.offerId, status: 'pending_approval' },
        data: { status: input.decision, ...code },
      });
      // Expired or replaced since it was read: the decision row goes with the rollback.
      if (moved.count === 0) throw new NoLongerPending();
      await recordAudit(tx, {
        actor: input.deciderSlackId,
        action: `offer.${input.decision}`,
        entityType: 'offer',
        entityId: card.offerId,
        before: { status: 'pending_approval' },
        after: { status: input.decision, decisionId: decision.id, reason: input.reason, ...code },
      });
    });
  } catch (error) {
    if (!(error instanceof NoLongerPending) && !isUniqueViolation(error)) throw error;
    return { status: 'too_late', card: await loadOfferCard(deps.prisma, card.offerId) };
  }

  const decided = await loadOfferCard(deps.prisma, card.offerId);
  const log = deps.logger.child({ offerId: card.offerId, decision: input.decision });
  await updateApprovalMessage(slack, decided, log);
  await notifyProposer(slack, decided, approvalExpiresAfterHours, log);
  if (input.decision === 'approved') await noteOfferInThread(deps, slack, decided);
  await refreshHomes(deps, slack, [decided.proposerSlackId]);
  log.info('offer decided');
  return { status: 'decided', card: decided };
}
