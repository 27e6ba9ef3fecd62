import type { PrismaClient } from '../db/prisma.ts';
import type { ScoringStats } from './scoring-stats.ts';

/**
 * Stores each currency's CLV inputs as a full run measured them, once it has scored every account: the
 * AccountScore view computes every account's CLV and lost value from them, so they move for all accounts at
 * once and no account row is rewritten for it. Currencies no account uses any more are dropped.
 */
export async function storeCurrencyInputs(prisma: PrismaClient, stats: ScoringStats): Promise<void> {
  const measuredAt = new Date(stats.asOf);
  await prisma.$transaction([
    prisma.scoringCurrency.deleteMany({
      where: { currency: { notIn: stats.currencies.map((entry) => entry.currency) } },
    }),
    ...stats.currencies.map((entry) => {
      const inputs = {
        arpaMinor: entry.arpaMinor,
        grossMargin: entry.grossMargin,
        monthlyChurnRate: entry.monthlyChurnRate,
        churnRateFloored: entry.churnRateFloored,
        churnRateSource: stats.churnRate.source,
        futureValueMinor: entry.futureValueMinor,
        measuredAt,
      };
      return prisma.scoringCurrency.upsert({
        where: { currency: entry.currency },
        create: { currency: entry.currency, ...inputs },
        update: inputs,
      });
    }),
  ]);
}
