import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import { nextStepOf } from './next-step.ts';

export interface MyClaim {
  accountId: string;
  displayName: string;
  claimedAt: Date;
  nextStep: string;
}

/** The user's active claims, oldest first (the longest waiting lead), at most `limit`, with how many in all. */
export async function listMyClaims(
  prisma: PrismaClient,
  userId: string,
  limit: number,
): Promise<{ claims: MyClaim[]; total: number }> {
  const where = { ownerSlackId: userId, activeAccountId: { not: null } };
  const [rows, total] = await Promise.all([
    prisma.claim.findMany({
      where,
      orderBy: [{ claimedAt: 'asc' }, { id: 'asc' }],
      take: limit,
      include: {
        account: {
          include: {
            feedback: { select: { id: true }, take: 1 },
            offers: { where: { status: { not: 'replaced' } }, orderBy: { createdAt: 'desc' }, take: 1 },
            paymentFailures: { where: { status: 'open' }, select: { id: true }, take: 1 },
            outcomes: { select: { id: true }, take: 1 },
          },
        },
      },
    }),
    prisma.claim.count({ where }),
  ]);

  const claims = rows.map(({ account, claimedAt }) => ({
    accountId: account.id,
    displayName: displayNameOf(account),
    claimedAt,
    nextStep: nextStepOf({
      status: account.status,
      wonBack: account.outcomes.length > 0,
      hasOpenFailure: account.paymentFailures.length > 0,
      hasFeedback: account.feedback.length > 0,
      latestOffer: account.offers[0]?.status ?? null,
    }),
  }));
  return { claims, total };
}
