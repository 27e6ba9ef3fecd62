import pg from 'pg';
import pino from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { roundMinor } from '../../src/domain/scoring/round-minor.ts';
import { rescoreAccounts } from '../../src/scoring/rescore-accounts.ts';
import { loadLatestStats, SCORING_LOCK } from '../../src/scoring/scoring-runs.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { makePopulation } from './population.ts';

const logger = pino({ level: 'silent' });
const AS_OF = new Date('2026-11-20T10:00:00.000Z');
const LATER = new Date('2026-11-20T11:00:00.000Z');
const SETTINGS = { WINBACK_GROSS_MARGIN: 0.75, WINBACK_MONTHLY_CHURN_RATE: undefined, WINBACK_PARETO_SHARE: 0.8 };
const rescore = (mode: 'full' | 'auto', now: Date) =>
  rescoreAccounts(db.prisma, SETTINGS, logger, { mode, reason: 'test', now });

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

// 400 accounts last changed a day before the first full run, so none counts as changed since it.
beforeEach(async () => {
  await db.prisma.account.deleteMany();
  await db.prisma.scoringRun.deleteMany();
  const longAgo = new Date(Date.now() - 86_400_000);
  await db.prisma.account.createMany({
    data: makePopulation(400, AS_OF).map((account) => ({ ...account, updatedAt: longAgo })),
  });
  await rescore('full', AS_OF);
});

async function activeAccounts(count: number) {
  return db.prisma.account.findMany({
    where: { status: 'active', currency: 'USD' },
    orderBy: { id: 'asc' },
    take: count,
  });
}

describe('rescoring after a small ingest batch', () => {
  it('scores only the accounts changed since the last full run, against that run’s statistics', async () => {
    const [churning, paying, touched] = await activeAccounts(3);
    if (!churning || !paying || !touched) throw new Error('the population has too few active accounts');
    const churnedAt = new Date(AS_OF.getTime() - 86_400_000);
    await db.prisma.account.update({
      where: { id: churning.id },
      data: { status: 'churned', churnedAt, lostMrrMinor: 999_900 },
    });
    await db.prisma.account.update({ where: { id: paying.id }, data: { totalPaidMinor: 7_777_700 } });
    await db.prisma.account.update({ where: { id: touched.id }, data: { company: 'Renamed Ltd' } });

    const summary = await rescore('auto', LATER);

    expect(summary).toMatchObject({ kind: 'incremental', accounts: 3, written: 2 });
    const { stats } = (await loadLatestStats(db.prisma)) ?? { stats: null };
    const usd = stats?.currencies.find((entry) => entry.currency === 'USD');
    if (!usd) throw new Error('no USD statistics stored');
    const churned = await db.prisma.accountScore.findUniqueOrThrow({ where: { accountId: churning.id } });
    // A day since it left: more recent than every stored churn (R 1), still behind every customer (R 4).
    expect(churned).toMatchObject({ paretoPriority: true, rfmRecency: 2, scoredAt: LATER });
    expect(churned).toMatchObject({
      lostMrrMinor: 999_900,
      lostValueMinor: BigInt(roundMinor((999_900 * 0.75) / usd.monthlyChurnRate)),
      futureValueMinor: BigInt(usd.futureValueMinor),
    });
    const paid = await db.prisma.accountScore.findUniqueOrThrow({ where: { accountId: paying.id } });
    expect(paid.clvMinor).toBe(BigInt(7_777_700 + usd.futureValueMinor));
    expect(paid.rfmMonetary).toBe(5);
    const others = await db.prisma.accountScore.count({ where: { scoredAt: AS_OF } });
    expect(others).toBe(398);
  });

  it('measures the population again when more than 5% of the accounts changed', async () => {
    const changed = await activeAccounts(21);
    await db.prisma.account.updateMany({
      where: { id: { in: changed.map((account) => account.id) } },
      data: { totalPaidMinor: 1 },
    });

    expect(await rescore('auto', LATER)).toMatchObject({ kind: 'full', accounts: 400 });
  });

  it('stays incremental at exactly 5% changed', async () => {
    const changed = await activeAccounts(20);
    await db.prisma.account.updateMany({
      where: { id: { in: changed.map((account) => account.id) } },
      data: { totalPaidMinor: 1 },
    });

    expect(await rescore('auto', LATER)).toMatchObject({ kind: 'incremental', accounts: 20 });
  });

  it('measures the population again when a changed account is in a currency the last full run never saw', async () => {
    await db.prisma.account.create({ data: { source: 'test', externalId: 'gbp-1', currency: 'GBP', mrrMinor: 900 } });

    expect(await rescore('auto', LATER)).toMatchObject({ kind: 'full', accounts: 401 });
  });

  it('writes nothing when nothing changed since the last full run', async () => {
    expect(await rescore('auto', LATER)).toMatchObject({ kind: 'incremental', accounts: 0, written: 0 });
  });

  it('does nothing while another run holds the scoring lock, and runs once it is released', async () => {
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1)', [SCORING_LOCK]);

    expect(await rescore('auto', LATER)).toMatchObject({ kind: 'busy', written: 0 });

    await other.query('COMMIT');
    await other.end();
    expect(await rescore('auto', LATER)).toMatchObject({ kind: 'incremental' });
  });
});
