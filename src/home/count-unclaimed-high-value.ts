import type { PrismaClient } from '../db/prisma.ts';
import type { HighValueRule } from '../digest/load-digest-content.ts';

/** Churned accounts worth a digest line under the team's rule (as the digest counts them) that nobody owns. */
export async function countUnclaimedHighValue(prisma: PrismaClient, rule: HighValueRule): Promise<number> {
  const valuable = rule.kind === 'pareto' ? { paretoPriority: true } : { clvMinor: { gte: rule.minor } };
  return prisma.account.count({
    where: { status: 'churned', ...valuable, claims: { none: { activeAccountId: { not: null } } } },
  });
}
