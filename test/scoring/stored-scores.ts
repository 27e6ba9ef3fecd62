// The scores a run stored, read back per account in the shape referenceScores gives, CLV inputs included.
import { minorFromBigInt } from '../../src/db/big-minor.ts';
import type { PrismaClient } from '../../src/db/prisma.ts';
import type { Account, AccountScore } from '../../src/generated/prisma/client.ts';
import type { ExpectedScores } from './reference-scores.ts';

export type ScoredAccount = Account & { score: AccountScore | null };

export function loadScoredAccounts(prisma: PrismaClient): Promise<ScoredAccount[]> {
  return prisma.account.findMany({ include: { score: true }, orderBy: { id: 'asc' } });
}

/** The stored scores of one account; null when it has none. */
export function scoresOf({ score }: ScoredAccount): ExpectedScores | null {
  if (!score) return null;
  return {
    clvMinor: minorFromBigInt(score.clvMinor) ?? Number.NaN,
    clvInputs: {
      revenueSoFarMinor: Number(score.revenueSoFarMinor),
      revenueSource: score.revenueSource,
      arpaMinor: score.arpaMinor,
      grossMargin: score.grossMargin,
      monthlyChurnRate: score.monthlyChurnRate,
      churnRateFloored: score.churnRateFloored,
      futureValueMinor: Number(score.futureValueMinor),
      churnRateSource: score.churnRateSource,
      lostMrrMinor: score.lostMrrMinor,
      lostValueMinor: minorFromBigInt(score.lostValueMinor),
    },
    rfmRecency: score.rfmRecency,
    rfmFrequency: score.rfmFrequency,
    rfmMonetary: score.rfmMonetary,
    rfmSegment: score.rfmSegment,
    paretoPriority: score.paretoPriority ?? false,
  };
}
