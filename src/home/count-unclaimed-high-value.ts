import type { PrismaClient } from '../db/prisma.ts';
import { type HighValueRule, highValueWhere } from '../digest/load-digest-content.ts';

/** Churned accounts worth a digest line under the team's rule (as the digest counts them) that nobody owns. */
export async function countUnclaimedHighValue(prisma: PrismaClient, rule: HighValueRule): Promise<number> {
  return prisma.account.count({
    where: { status: 'churned', ...highValueWhere(rule), claims: { none: { activeAccountId: { not: null } } } },
  });
}
