import type { PrismaClient } from '../db/prisma.ts';
import type { Money } from '../domain/money.ts';
import type { Prisma } from '../generated/prisma/client.ts';

export interface SegmentSize {
  accounts: number;
  /** MRR the segment's churned accounts took away, per currency: the recorded lost MRR, else their last MRR. */
  lostMrr: Money[];
}

/** How many accounts `where` matches and what its churned ones lost. */
export async function measureSegment(prisma: PrismaClient, where: Prisma.AccountWhereInput): Promise<SegmentSize> {
  const churned = (extra: Prisma.AccountWhereInput) => ({ AND: [where, { status: 'churned' as const }, extra] });
  const [accounts, recorded, fallback] = await Promise.all([
    prisma.account.count({ where }),
    prisma.account.groupBy({
      by: ['currency'],
      where: churned({ lostMrrMinor: { not: null } }),
      _sum: { lostMrrMinor: true },
    }),
    prisma.account.groupBy({ by: ['currency'], where: churned({ lostMrrMinor: null }), _sum: { mrrMinor: true } }),
  ]);
  return {
    accounts,
    lostMrr: [
      ...recorded.map((row) => ({ minor: row._sum.lostMrrMinor ?? 0, currency: row.currency })),
      ...fallback.map((row) => ({ minor: row._sum.mrrMinor ?? 0, currency: row.currency })),
    ],
  };
}
