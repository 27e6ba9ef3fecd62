// The scoring of docs/scoring.md composed from the pure functions of src/domain/scoring alone, account by
// account in memory: what the SQL path of src/scoring must reproduce exactly.
import { DateTime } from 'luxon';
import { averageRevenuePerAccount } from '../../src/domain/scoring/average-revenue-per-account.ts';
import { computeCustomerLifetimeValue } from '../../src/domain/scoring/customer-lifetime-value.ts';
import { measureChurnRate } from '../../src/domain/scoring/measure-churn-rate.ts';
import { rankByLostValue } from '../../src/domain/scoring/pareto.ts';
import { countDaysSince, scoreRfm } from '../../src/domain/scoring/rfm.ts';
import type { Account } from '../../src/generated/prisma/client.ts';

export interface ExpectedScores {
  clvMinor: number;
  clvInputs: Record<string, unknown>;
  rfmRecency: number;
  rfmFrequency: number;
  rfmMonetary: number;
  rfmSegment: string;
  paretoPriority: boolean;
}

export interface ReferenceSettings {
  grossMargin: number;
  monthlyChurnRate?: number;
  paretoShare: number;
}

const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);

export function referenceScores(accounts: Account[], settings: ReferenceSettings, asOf: Date) {
  const dated = accounts.filter((account) => !(account.status === 'churned' && account.churnedAt === null));
  const from = DateTime.fromJSDate(asOf, { zone: 'utc' }).minus({ months: 3 }).toJSDate();
  const measured = measureChurnRate(dated, { from, to: asOf }).monthlyChurnRate;
  const monthlyChurnRate = settings.monthlyChurnRate ?? measured ?? 0;
  const churnRateSource = settings.monthlyChurnRate === undefined ? 'measured' : 'config';

  const expected = new Map<string, ExpectedScores>();
  const currencies = [...new Set(accounts.map((account) => account.currency))];
  for (const currency of currencies) {
    const group = accounts.filter((account) => account.currency === currency);
    const assumptions = {
      arpaMinor: averageRevenuePerAccount(group) ?? 0,
      grossMargin: settings.grossMargin,
      monthlyChurnRate,
    };
    const clv = new Map(
      group.map((account) => {
        const lostMrrMinor = account.status === 'churned' ? (account.lostMrrMinor ?? account.mrrMinor) : null;
        return [
          account.id,
          { lostMrrMinor, ...computeCustomerLifetimeValue({ ...account, lostMrrMinor }, assumptions) },
        ];
      }),
    );
    const rfm = scoreRfm(
      group.map((account) => {
        const value = clv.get(account.id);
        return {
          id: account.id,
          recencyDays:
            account.status === 'churned' ? countDaysSince(later(account.lastPaymentAt, account.churnedAt), asOf) : 0,
          frequency: account.paymentCount ?? account.tenureMonths,
          monetary: value?.inputs.revenueSource === 'unknown' ? null : (value?.inputs.revenueSoFarMinor ?? null),
        };
      }),
    );
    const churned = group.filter((account) => account.status === 'churned');
    const ranked = rankByLostValue(
      churned.map((account) => ({ id: account.id, lostValueMinor: clv.get(account.id)?.lostValueMinor ?? 0 })),
      { share: settings.paretoShare },
    );
    const priority = new Set(ranked.filter((rank) => rank.priority).map((rank) => rank.id));

    for (const result of rfm) {
      const value = clv.get(result.id);
      if (!value) continue;
      expected.set(result.id, {
        clvMinor: value.clvMinor,
        clvInputs: {
          ...value.inputs,
          churnRateSource,
          lostMrrMinor: value.lostMrrMinor,
          lostValueMinor: value.lostValueMinor,
        },
        rfmRecency: result.recency,
        rfmFrequency: result.frequency,
        rfmMonetary: result.monetary,
        rfmSegment: result.segment,
        paretoPriority: priority.has(result.id),
      });
    }
  }
  return expected;
}
