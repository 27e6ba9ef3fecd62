import type { PrismaClient } from '../db/prisma.ts';

export interface OwnerClaims {
  ownerSlackId: string;
  accounts: number;
}

/** Active claims per owner, the busiest first. */
export async function countTeamClaims(prisma: PrismaClient): Promise<OwnerClaims[]> {
  const rows = await prisma.claim.groupBy({
    by: ['ownerSlackId'],
    where: { activeAccountId: { not: null } },
    _count: { _all: true },
  });
  return rows
    .map((row) => ({ ownerSlackId: row.ownerSlackId, accounts: row._count._all }))
    .sort((a, b) => b.accounts - a.accounts || a.ownerSlackId.localeCompare(b.ownerSlackId));
}
