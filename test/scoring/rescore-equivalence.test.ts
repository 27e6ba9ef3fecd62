import pino from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rescoreAccounts, type ScoringSettingsUsed } from '../../src/scoring/rescore-accounts.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { makePopulation } from './population.ts';
import { referenceScores } from './reference-scores.ts';
import { loadScoredAccounts, scoresOf } from './stored-scores.ts';

const logger = pino({ level: 'silent' });
const AS_OF = new Date('2026-11-20T10:00:00.000Z');
const MEASURED = { WINBACK_GROSS_MARGIN: 0.75, WINBACK_MONTHLY_CHURN_RATE: undefined, WINBACK_PARETO_SHARE: 0.8 };

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
beforeEach(async () => {
  await db.prisma.account.deleteMany();
  await db.prisma.scoringRun.deleteMany();
});

const stored = () => loadScoredAccounts(db.prisma);

describe('a full rescore against the pure functions', () => {
  it('writes every score column exactly as they compute them, over 600 varied accounts (churn rate measured)', async () => {
    await db.prisma.account.createMany({ data: makePopulation(600, AS_OF) });

    const summary = await rescoreAccounts(db.prisma, MEASURED, logger, { mode: 'full', reason: 'test', now: AS_OF });

    const accounts = await stored();
    const expected = referenceScores(accounts, { grossMargin: 0.75, paretoShare: 0.8 }, AS_OF);
    expect(summary).toMatchObject({ kind: 'full', accounts: 600, written: 600 });
    expect(summary.churnRate?.source).toBe('measured');
    expect(new Map(accounts.map((account) => [account.id, scoresOf(account)]))).toEqual(expected);
    // Varied enough for the comparison to mean something: many segments, ties at the Pareto cut.
    expect(new Set(accounts.map((account) => account.score?.rfmSegment)).size).toBeGreaterThanOrEqual(6);
    expect(accounts.filter((account) => account.score?.paretoPriority).length).toBeGreaterThan(10);
    expect(accounts.every((account) => account.score?.scoredAt.getTime() === AS_OF.getTime())).toBe(true);
  });

  it('matches them with a configured churn rate and a Pareto share of 0.5, and says the rate was configured', async () => {
    await db.prisma.account.createMany({ data: makePopulation(400, AS_OF, 11) });
    const settings = { WINBACK_GROSS_MARGIN: 0.6, WINBACK_MONTHLY_CHURN_RATE: 0.031, WINBACK_PARETO_SHARE: 0.5 };

    await rescoreAccounts(db.prisma, settings, logger, { mode: 'full', reason: 'test', now: AS_OF });

    const accounts = await stored();
    const expected = referenceScores(accounts, { grossMargin: 0.6, monthlyChurnRate: 0.031, paretoShare: 0.5 }, AS_OF);
    expect(new Map(accounts.map((account) => [account.id, scoresOf(account)]))).toEqual(expected);
    expect(accounts[0]?.score).toMatchObject({ churnRateSource: 'config', monthlyChurnRate: 0.031 });
  });

  it('matches them when the only population is one account per currency (every score 3)', async () => {
    await db.prisma.account.createMany({ data: makePopulation(2, AS_OF, 5) });

    await rescoreAccounts(db.prisma, MEASURED, logger, { mode: 'full', reason: 'test', now: AS_OF });

    const accounts = await stored();
    const expected = referenceScores(accounts, { grossMargin: 0.75, paretoShare: 0.8 }, AS_OF);
    expect(new Map(accounts.map((account) => [account.id, scoresOf(account)]))).toEqual(expected);
  });

  it('writes nothing the second time when nothing changed, and leaves scoredAt alone', async () => {
    await db.prisma.account.createMany({ data: makePopulation(200, AS_OF) });
    await rescoreAccounts(db.prisma, MEASURED, logger, { mode: 'full', reason: 'test', now: AS_OF });

    const later = new Date(AS_OF.getTime() + 60_000);
    const again = await rescoreAccounts(db.prisma, MEASURED, logger, { mode: 'full', reason: 'test', now: later });

    expect(again).toMatchObject({ kind: 'full', accounts: 200, written: 0 });
    expect((await stored()).every((account) => account.score?.scoredAt.getTime() === AS_OF.getTime())).toBe(true);
  });
});

describe('a full rescore after the population moved', () => {
  const CONFIGURED = { WINBACK_GROSS_MARGIN: 0.6, WINBACK_MONTHLY_CHURN_RATE: 0.031, WINBACK_PARETO_SHARE: 0.8 };
  const full = (settings: ScoringSettingsUsed, now = AS_OF) =>
    rescoreAccounts(db.prisma, settings, logger, { mode: 'full', reason: 'test', now });

  it('moves every CLV and lost value with the gross margin without rewriting an account', async () => {
    await db.prisma.account.createMany({ data: makePopulation(600, AS_OF) });
    await full(CONFIGURED);
    const before = await stored();

    const moved = await full({ ...CONFIGURED, WINBACK_GROSS_MARGIN: 0.75 }, new Date(AS_OF.getTime() + 60_000));

    const accounts = await stored();
    const expected = referenceScores(accounts, { grossMargin: 0.75, monthlyChurnRate: 0.031, paretoShare: 0.8 }, AS_OF);
    expect(new Map(accounts.map((account) => [account.id, scoresOf(account)]))).toEqual(expected);
    expect(moved).toMatchObject({ accounts: 600, written: 0 });
    const changedClv = accounts.filter((account, index) => account.score?.clvMinor !== before[index]?.score?.clvMinor);
    expect(changedClv.length).toBeGreaterThan(500);
  });

  it('inserts the new accounts and updates the changed ones, as the pure functions score them', async () => {
    await db.prisma.account.createMany({ data: makePopulation(400, AS_OF) });
    await full(MEASURED);
    const changed = await db.prisma.account.findMany({ where: { status: 'active' }, orderBy: { id: 'asc' }, take: 30 });
    await db.prisma.account.updateMany({
      where: { id: { in: changed.map((account) => account.id) } },
      data: { status: 'churned', churnedAt: new Date(AS_OF.getTime() - 86_400_000), lostMrrMinor: 99_900 },
    });
    await db.prisma.account.createMany({
      data: makePopulation(50, AS_OF, 23).map((account) => ({ ...account, externalId: `new-${account.externalId}` })),
    });

    const again = await full(MEASURED);

    const accounts = await stored();
    const expected = referenceScores(accounts, { grossMargin: 0.75, paretoShare: 0.8 }, AS_OF);
    expect(new Map(accounts.map((account) => [account.id, scoresOf(account)]))).toEqual(expected);
    expect(again.accounts).toBe(450);
    expect(again.written).toBeGreaterThanOrEqual(80);
    expect(again.written).toBeLessThan(450);
  });
});

describe('a full rescore of accounts worth more than 2^31 minor units', () => {
  it('scores them exactly, as a currency without minor units soon needs (₩50,000,000 a month)', async () => {
    const large = makePopulation(40, AS_OF, 31).map((account, index) => ({
      ...account,
      externalId: `krw-${index}`,
      currency: 'KRW',
      mrrMinor: 50_000_000 + index,
      totalPaidMinor: null,
      tenureMonths: 72,
      ...(account.status === 'churned' ? { lostMrrMinor: 2_000_000_000 - index } : {}),
    }));
    await db.prisma.account.createMany({ data: large });

    const summary = await rescoreAccounts(db.prisma, MEASURED, logger, { mode: 'full', reason: 'test', now: AS_OF });

    const accounts = await stored();
    const expected = referenceScores(accounts, { grossMargin: 0.75, paretoShare: 0.8 }, AS_OF);
    expect(summary).toMatchObject({ accounts: 40, written: 40 });
    expect(new Map(accounts.map((account) => [account.id, scoresOf(account)]))).toEqual(expected);
    const largest = Math.max(...accounts.map((account) => Number(account.score?.lostValueMinor ?? 0)));
    expect(largest).toBeGreaterThan(2 ** 31);
    expect(Number(accounts[0]?.score?.revenueSoFarMinor)).toBeGreaterThan(2 ** 31);
  });
});

describe('a full rescore that fails', () => {
  it('leaves the currency inputs of the last run that finished', async () => {
    await db.prisma.account.createMany({ data: makePopulation(100, AS_OF) });
    await rescoreAccounts(db.prisma, MEASURED, logger, { mode: 'full', reason: 'test', now: AS_OF });
    const later = new Date(AS_OF.getTime() + 3_600_000);
    await db.prisma.account.updateMany({ where: { status: 'active' }, data: { mrrMinor: 123_400 } });
    // Any score written by the next run breaks this rule, so the run fails after measuring.
    await db.prisma.$executeRawUnsafe(
      `ALTER TABLE "StoredAccountScore" ADD CONSTRAINT "written_before" CHECK ("scoredAt" < '${later.toISOString()}') NOT VALID`,
    );
    const inputs = () => db.prisma.scoringCurrency.findMany({ orderBy: { currency: 'asc' } });
    const before = await inputs();
    try {
      const run = rescoreAccounts(db.prisma, { ...MEASURED, WINBACK_GROSS_MARGIN: 0.5 }, logger, {
        mode: 'full',
        reason: 'test',
        now: later,
      });

      await expect(run).rejects.toThrow(/written_before/);
      expect(await inputs()).toEqual(before);
      expect(before.every((currency) => currency.grossMargin === 0.75)).toBe(true);
    } finally {
      await db.prisma.$executeRawUnsafe('ALTER TABLE "StoredAccountScore" DROP CONSTRAINT "written_before"');
    }
  });
});
