// A small, varied population for the scoring tests: two currencies, every status, ties and unknowns on
// every axis, drawn from a fixed seed so a failure reproduces.
import type { Prisma } from '../../src/generated/prisma/client.ts';

function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const STATUSES = ['active', 'active', 'active', 'past_due', 'trialing', 'churned', 'churned'] as const;

export function makePopulation(count: number, asOf: Date, seed = 7): Prisma.AccountCreateManyInput[] {
  const random = seeded(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const maybe = <T>(value: T, chance = 0.15): T | null => (random() < chance ? null : value);
  const daysAgo = (days: number) => new Date(asOf.getTime() - days * 86_400_000 - Math.floor(random() * 86_400_000));

  return Array.from({ length: count }, (_, index) => {
    const status = pick(STATUSES);
    const tenureMonths = maybe(pick([0, 1, 3, 6, 12, 12, 24, 36]));
    const mrrMinor = pick([0, 1900, 4900, 4900, 9900, 19_900, 49_900]);
    const churned = status === 'churned';
    return {
      source: 'test',
      externalId: `acct-${index}`,
      company: `Company ${index}`,
      currency: random() < 0.7 ? 'USD' : 'EUR',
      status,
      mrrMinor,
      tenureMonths,
      totalPaidMinor: maybe(pick([0, 5000, 12_000, 12_000, 60_000, 250_000]), 0.3),
      paymentCount: maybe(pick([0, 1, 2, 6, 12, 30]), 0.5),
      lastPaymentAt: maybe(daysAgo(pick([1, 5, 20, 40, 90, 200])), 0.3),
      startedAt: maybe(daysAgo(pick([10, 60, 200, 400, 900])), 0.2),
      churnedAt: churned ? maybe(daysAgo(pick([2, 15, 45, 80, 150])), 0.2) : null,
      lostMrrMinor: churned ? maybe(pick([1900, 4900, 9900, 99_900]), 0.5) : null,
      churnSeenAt: churned ? asOf : null,
    };
  });
}
