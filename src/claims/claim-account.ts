import { recordAudit } from '../audit/record-audit.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { Prisma } from '../generated/prisma/client.ts';

export type ClaimResult =
  | { status: 'claimed'; accountId: string; ownerSlackId: string }
  | { status: 'already_yours'; accountId: string; ownerSlackId: string }
  | { status: 'claimed_by_other'; accountId: string; ownerSlackId: string };

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Makes `userId` the account's owner unless someone already is. The unique index on
 * Claim.activeAccountId decides races: of fifty simultaneous clicks exactly one insert wins,
 * and every other click learns who did.
 */
export async function claimAccount(prisma: PrismaClient, accountId: string, userId: string): Promise<ClaimResult> {
  try {
    await prisma.$transaction(async (tx) => {
      const claim = await tx.claim.create({
        data: { accountId, activeAccountId: accountId, ownerSlackId: userId, claimedBySlackId: userId },
      });
      await recordAudit(tx, {
        actor: userId,
        action: 'claim.claimed',
        entityType: 'account',
        entityId: accountId,
        after: { claimId: claim.id, ownerSlackId: userId },
      });
    });
    return { status: 'claimed', accountId, ownerSlackId: userId };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const active = await prisma.claim.findUnique({ where: { activeAccountId: accountId } });
  // Released between our insert and this read: try once more rather than report a stale owner.
  if (!active) return claimAccount(prisma, accountId, userId);
  const status = active.ownerSlackId === userId ? 'already_yours' : 'claimed_by_other';
  return { status, accountId, ownerSlackId: active.ownerSlackId };
}
