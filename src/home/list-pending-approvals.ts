import { minorFromBigInt } from '../db/big-minor.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import type { Money } from '../domain/money.ts';
import type { OfferType } from '../generated/prisma/enums.ts';

export interface PendingApproval {
  offerId: string;
  accountId: string;
  displayName: string;
  type: OfferType;
  cost: Money;
  proposerSlackId: string;
  createdAt: Date;
}

/** Offers waiting for a manager's decision, oldest first, at most `limit`, with how many in all. */
export async function listPendingApprovals(
  prisma: PrismaClient,
  limit: number,
): Promise<{ offers: PendingApproval[]; total: number }> {
  const where = { status: 'pending_approval' } as const;
  const [rows, total] = await Promise.all([
    prisma.offer.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit,
      include: { account: true },
    }),
    prisma.offer.count({ where }),
  ]);
  const offers = rows.map((offer) => ({
    offerId: offer.id,
    accountId: offer.accountId,
    displayName: displayNameOf(offer.account),
    type: offer.type,
    cost: { minor: minorFromBigInt(offer.costMinor), currency: offer.currency },
    proposerSlackId: offer.proposerSlackId,
    createdAt: offer.createdAt,
  }));
  return { offers, total };
}
