import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../src/db/prisma.ts';
import type { Prisma } from '../../src/generated/prisma/client.ts';

/** An account with a fresh billing id; `fields` set what the test is about. */
export async function seedAccount(prisma: PrismaClient, fields: Partial<Prisma.AccountUncheckedCreateInput> = {}) {
  return prisma.account.create({
    data: { source: 'test', externalId: `cus_${randomBytes(5).toString('hex')}`, ...fields },
  });
}

/** A churned account worth a digest line: Pareto priority, churned an hour ago. */
export async function seedChurned(prisma: PrismaClient, fields: Partial<Prisma.AccountUncheckedCreateInput> = {}) {
  return seedAccount(prisma, {
    status: 'churned',
    churnedAt: new Date(Date.now() - 3_600_000),
    churnSeenAt: new Date(Date.now() - 3_600_000),
    paretoPriority: true,
    mrrMinor: 10_000,
    lostMrrMinor: 10_000,
    ...fields,
  });
}

/** An active claim, `daysAgo` old. */
export async function seedClaim(prisma: PrismaClient, accountId: string, ownerSlackId: string, daysAgo = 0) {
  return prisma.claim.create({
    data: {
      accountId,
      activeAccountId: accountId,
      ownerSlackId,
      claimedBySlackId: ownerSlackId,
      claimedAt: new Date(Date.now() - daysAgo * 86_400_000),
    },
  });
}

/** A 20% discount offer for three months, proposed by `proposerSlackId`. */
export async function seedOffer(
  prisma: PrismaClient,
  accountId: string,
  status: 'approved' | 'pending_approval',
  proposerSlackId = 'U0MEMBER01',
) {
  return prisma.offer.create({
    data: {
      accountId,
      proposerSlackId,
      type: 'percent_discount',
      percentOff: 20,
      durationMonths: 3,
      costMinor: 6000,
      currency: 'USD',
      clvMinor: 100_000,
      status,
    },
  });
}
