import type { ScoringSettings } from '../config/scoring-settings.ts';
import type { Query } from '../ingest/apply/query.ts';
import { buildAssumptions, chooseChurnRate } from './build-assumptions.ts';
import { countChurnedByLostMrr, findParetoCuts } from './find-pareto-cuts.ts';
import { measurePopulation } from './measure-population.ts';
import { measureQuintileThresholds } from './measure-quintile-thresholds.ts';
import type { ScoringStats, Thresholds } from './scoring-stats.ts';

const UNSCORED: Thresholds = [null, null, null, null];

/**
 * Everything a full rescoring run needs to know about the population, per currency: each currency is a
 * population of its own, because ARPA, totals paid and lost value only compare within one currency. Give
 * it two connections reading one snapshot (inSnapshotPair), so every figure comes from the same moment:
 * the quintile edges, the longest read, are measured on the second while the first counts the population
 * and the churned accounts' lost MRR, then finds the Pareto cuts.
 */
export async function measureScoringStats(
  first: Query,
  second: Query,
  settings: Pick<ScoringSettings, 'WINBACK_GROSS_MARGIN' | 'WINBACK_MONTHLY_CHURN_RATE' | 'WINBACK_PARETO_SHARE'>,
  asOf: Date,
): Promise<ScoringStats> {
  const measuringThresholds = measureQuintileThresholds(second, asOf);
  // Observed at once, so a failure on the first connection never leaves this one's rejection unhandled.
  measuringThresholds.catch(() => {});
  const { currencies, churn } = await measurePopulation(first, asOf);
  const lostMrr = await countChurnedByLostMrr(first);
  const churnRate = chooseChurnRate(settings, churn);
  const assumed = currencies.map((population) => ({
    population,
    assumptions: buildAssumptions(population, churnRate, settings),
  }));
  const rates = assumed.map(({ population, assumptions }) => ({ currency: population.currency, ...assumptions }));
  const cuts = await findParetoCuts(first, lostMrr, rates, settings.WINBACK_PARETO_SHARE);
  const thresholds = await measuringThresholds;

  return {
    asOf: asOf.toISOString(),
    paretoShare: settings.WINBACK_PARETO_SHARE,
    churnRate,
    currencies: assumed.map(({ population, assumptions }) => {
      const edges = thresholds.get(population.currency);
      return {
        currency: population.currency,
        accounts: population.accounts,
        churned: population.churned,
        ...assumptions,
        recency: edges?.recency ?? UNSCORED,
        frequency: edges?.frequency ?? UNSCORED,
        monetary: edges?.monetary ?? UNSCORED,
        paretoCut: cuts.get(population.currency) ?? null,
      };
    }),
  };
}
