import { recordAudit } from '../audit/record-audit.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import { WinbackError } from '../errors.ts';
import { Prisma } from '../generated/prisma/client.ts';

export interface ClaimResult {
  status: 'claimed' | 'already_yours' | 'claimed_by_other';
  accountId: string;
  displayName: string;
  ownerSlackId: string;
}

export async function findAccountOrRefuse(prisma: PrismaClient, accountId: string) {
  const account = await prisma.account.findUnique({ where: { id: accountId } });
  if (!account) {
    throw new WinbackError('account_not_found', `account ${accountId} does not exist`, {
      userMessage: 'That account is no longer in winback; it may have been removed.',
    });
  }
  return account;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/**
 * Makes `userId` the account's owner unless someone already is. The unique index on
 * Claim.activeAccountId decides races: of fifty simultaneous clicks exactly one insert wins,
 * and every other click learns who did. `claimedBy` is who acted: the owner themselves, or the
 * manager who reassigned the account to them.
 */
export async function claimAccount(
  prisma: PrismaClient,
  accountId: string,
  userId: string,
  claimedBy = userId,
): Promise<ClaimResult> {
  const account = await findAccountOrRefuse(prisma, accountId);
  const displayName = displayNameOf(account);
  try {
    await prisma.$transaction(async (tx) => {
      const claim = await tx.claim.create({
        data: { accountId, activeAccountId: accountId, ownerSlackId: userId, claimedBySlackId: claimedBy },
      });
      await recordAudit(tx, {
        actor: claimedBy,
        action: 'claim.claimed',
        entityType: 'account',
        entityId: accountId,
        after: { claimId: claim.id, ownerSlackId: userId },
      });
    });
    return { status: 'claimed', accountId, displayName, ownerSlackId: userId };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const active = await prisma.claim.findUnique({ where: { activeAccountId: accountId } });
  // Released between our insert and this read: try once more rather than report a stale owner.
  if (!active) return claimAccount(prisma, accountId, userId, claimedBy);
  const status = active.ownerSlackId === userId ? 'already_yours' : 'claimed_by_other';
  return { status, accountId, displayName, ownerSlackId: active.ownerSlackId };
}
