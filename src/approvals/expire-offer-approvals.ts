import type { WebClient } from '@slack/web-api';
import { recordAudit } from '../audit/record-audit.ts';
import { loadOfferCard } from '../offers/load-offer-card.ts';
import { notifyProposer } from './notify-proposer.ts';
import { type HomeDeps, refreshHomes } from './refresh-homes.ts';
import { updateApprovalMessage } from './update-approval-message.ts';

// Waiting for a decision, or recorded but never posted for one (Slack refused the post).
const WAITING = ['proposed', 'pending_approval'] as const;
const BATCH = 100;

/**
 * Expires every offer whose approval time ran out undecided: each is claimed by a conditional
 * update (a manager deciding at the same moment wins or loses cleanly, never both), audited,
 * then its approval message says so and its proposer is told. Returns how many expired.
 */
export async function expireOfferApprovals(deps: HomeDeps, slack: WebClient, now = new Date()): Promise<number> {
  const due = await deps.prisma.offer.findMany({
    where: { status: { in: [...WAITING] }, approvalExpiresAt: { lte: now } },
    orderBy: { approvalExpiresAt: 'asc' },
    take: BATCH,
    select: { id: true, status: true },
  });
  const proposers: string[] = [];
  for (const offer of due) {
    const expired = await deps.prisma.$transaction(async (tx) => {
      const moved = await tx.offer.updateMany({
        where: { id: offer.id, status: { in: [...WAITING] }, approvalExpiresAt: { lte: now } },
        data: { status: 'expired' },
      });
      if (moved.count === 0) return false;
      await recordAudit(tx, {
        actor: 'system:offer-expiry',
        action: 'offer.expired',
        entityType: 'offer',
        entityId: offer.id,
        before: { status: offer.status },
        after: { status: 'expired' },
      });
      return true;
    });
    if (!expired) continue;

    const card = await loadOfferCard(deps.prisma, offer.id);
    const log = deps.logger.child({ offerId: offer.id });
    await updateApprovalMessage(slack, card, log);
    await notifyProposer(slack, card, deps.settings.WINBACK_GUARDRAILS.approvalExpiresAfterHours, log);
    proposers.push(card.proposerSlackId);
  }
  if (proposers.length > 0) {
    await refreshHomes(deps, slack, proposers);
    deps.logger.info({ expired: proposers.length }, 'offer approvals expired');
  }
  return proposers.length;
}
