import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../src/db/prisma.ts';
import type { AccountScore, Prisma } from '../../src/generated/prisma/client.ts';

/** What a test may set on an account, the scores it shows included (they live in StoredAccountScore). */
export type SeedFields = Partial<Prisma.AccountUncheckedCreateInput> &
  Partial<Pick<AccountScore, 'rfmSegment' | 'paretoPriority'>> & { clvMinor?: number };

// What scoring writes beside the scores a test is about. A scored account always has a segment: Need
// attention (R 3, F 3, M 3) unless the test names one. Its CLV is its revenue so far: the currency's future
// value is 0 here, so a test's clvMinor reads back unchanged.
const SCORE_PLACEHOLDERS = {
  rfmRecency: 3,
  rfmFrequency: 3,
  rfmMonetary: 3,
  rfmSegment: 'need_attention',
  paretoPriority: false,
  revenueSource: 'total_paid',
};
const CURRENCY_PLACEHOLDERS = {
  arpaMinor: 0,
  grossMargin: 0.8,
  monthlyChurnRate: 0.05,
  churnRateFloored: false,
  churnRateSource: 'config',
  futureValueMinor: 0,
  measuredAt: new Date(),
};

/**
 * An account with a fresh billing id; `fields` set what the test is about. Any score field also gives it a
 * score row, as a scoring run would have.
 */
export async function seedAccount(prisma: PrismaClient, fields: SeedFields = {}) {
  const { clvMinor, rfmSegment, paretoPriority, ...data } = fields;
  const account = await prisma.account.create({
    data: { source: 'test', externalId: `cus_${randomBytes(5).toString('hex')}`, ...data },
  });
  if (clvMinor !== undefined || rfmSegment !== undefined || paretoPriority !== undefined) {
    const { currency } = account;
    await prisma.scoringCurrency.upsert({
      where: { currency },
      create: { currency, ...CURRENCY_PLACEHOLDERS },
      update: {},
    });
    await prisma.storedAccountScore.create({
      data: {
        accountId: account.id,
        currency,
        ...SCORE_PLACEHOLDERS,
        revenueSoFarMinor: clvMinor ?? 0,
        ...(rfmSegment !== undefined ? { rfmSegment } : {}),
        ...(paretoPriority !== undefined && paretoPriority !== null ? { paretoPriority } : {}),
        scoredAt: new Date(),
      },
    });
  }
  return account;
}

/** A churned account worth a digest line: Pareto priority, churned an hour ago. */
export async function seedChurned(prisma: PrismaClient, fields: SeedFields = {}) {
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
