import { recordAudit } from '../audit/record-audit.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { WinbackError } from '../errors.ts';
import { claimAccount } from './claim-account.ts';

export interface Actor {
  userId: string;
  isManager: boolean;
}

export type ReleaseResult = { status: 'released'; previousOwner: string } | { status: 'not_claimed' };

/** Ends the active claim. Only its owner or a manager may; the release is audited. */
export async function releaseAccount(prisma: PrismaClient, accountId: string, actor: Actor): Promise<ReleaseResult> {
  return prisma.$transaction(async (tx) => {
    const active = await tx.claim.findUnique({ where: { activeAccountId: accountId } });
    if (!active) return { status: 'not_claimed' as const };
    if (active.ownerSlackId !== actor.userId && !actor.isManager) {
      throw new WinbackError('not_allowed', `user ${actor.userId} may not release a claim of ${active.ownerSlackId}`, {
        userMessage: `Only <@${active.ownerSlackId}> or a manager can release this account.`,
      });
    }
    // Conditional on still being active: two releases at once end the claim once.
    const ended = await tx.claim.updateMany({
      where: { id: active.id, activeAccountId: accountId },
      data: { activeAccountId: null, releasedAt: new Date(), releasedBySlackId: actor.userId },
    });
    if (ended.count === 0) return { status: 'not_claimed' as const };
    await recordAudit(tx, {
      actor: actor.userId,
      action: 'claim.released',
      entityType: 'account',
      entityId: accountId,
      before: { ownerSlackId: active.ownerSlackId },
    });
    return { status: 'released' as const, previousOwner: active.ownerSlackId };
  });
}

/** A manager hands the account to someone else: release and claim, both audited. */
export async function reassignAccount(prisma: PrismaClient, accountId: string, toUserId: string, actor: Actor) {
  if (!actor.isManager) {
    throw new WinbackError('not_allowed', `user ${actor.userId} is not a manager`, {
      userMessage: 'Only managers can reassign accounts.',
    });
  }
  const released = await releaseAccount(prisma, accountId, actor);
  const claimed = await claimAccount(prisma, accountId, toUserId, actor.userId);
  await recordAudit(prisma, {
    actor: actor.userId,
    action: 'claim.reassigned',
    entityType: 'account',
    entityId: accountId,
    before: { ownerSlackId: released.status === 'released' ? released.previousOwner : null },
    after: { ownerSlackId: claimed.ownerSlackId },
  });
  return claimed;
}
