import type { ScoringSettings } from '../config/scoring-settings.ts';
import type { Query } from '../ingest/apply/query.ts';
import { buildAssumptions, chooseChurnRate } from './build-assumptions.ts';
import { findParetoCuts } from './find-pareto-cuts.ts';
import { measurePopulation } from './measure-population.ts';
import { measureQuintileThresholds } from './measure-quintile-thresholds.ts';
import type { ScoringStats, Thresholds } from './scoring-stats.ts';

const UNSCORED: Thresholds = [null, null, null, null];

/**
 * Everything a full rescoring run needs to know about the population, per currency: each currency is a
 * population of its own, because ARPA, totals paid and lost value only compare within one currency. Run
 * it inside one REPEATABLE READ transaction so every figure comes from the same snapshot.
 */
export async function measureScoringStats(
  query: Query,
  settings: Pick<ScoringSettings, 'WINBACK_GROSS_MARGIN' | 'WINBACK_MONTHLY_CHURN_RATE' | 'WINBACK_PARETO_SHARE'>,
  asOf: Date,
): Promise<ScoringStats> {
  const { currencies, churn } = await measurePopulation(query, asOf);
  const churnRate = chooseChurnRate(settings, churn);
  const assumed = currencies.map((population) => ({
    population,
    assumptions: buildAssumptions(population, churnRate, settings),
  }));
  const thresholds = await measureQuintileThresholds(query, asOf);
  const rates = assumed.map(({ population, assumptions }) => ({ currency: population.currency, ...assumptions }));
  const cuts = await findParetoCuts(query, rates, settings.WINBACK_PARETO_SHARE);

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
