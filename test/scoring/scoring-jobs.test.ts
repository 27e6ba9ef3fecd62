import { beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/jobs/queues.ts';
import { requestRescore } from '../../src/jobs/scoring-jobs.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { makePopulation } from './population.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ WINBACK_TIMEZONE: 'Europe/Berlin' });
});

describe('the scoring jobs', () => {
  it('schedules the nightly full rescore once, in the team time zone', async () => {
    const schedules = await app.db.prisma.$queryRaw<{ cron: string; options: { tz?: string } }[]>`
      SELECT cron, options FROM pgboss.schedule WHERE name = ${QUEUES.rescoreNightly}`;
    expect(schedules).toEqual([{ cron: '30 2 * * *', options: expect.objectContaining({ tz: 'Europe/Berlin' }) }]);
  });

  it('coalesces a burst of requests into one debounced job, which then scores the accounts', async () => {
    await app.db.prisma.account.createMany({ data: makePopulation(50, new Date()) });

    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await requestRescore(app.db.prisma, 'test'));

    expect(answers[0]).toBe('queued');
    const jobs = await app.db.prisma.$queryRaw<{ singleton_key: string; policy: string; waits: boolean }[]>`
      SELECT singleton_key, policy, start_after > now() + interval '5 seconds' AS waits
      FROM pgboss.job WHERE name = ${QUEUES.rescoreAccounts} AND state = 'created'`;
    expect(jobs).toEqual([{ singleton_key: 'accounts', policy: 'stately', waits: true }]);

    // The worker picks it up once the debounce (10 s) is over: every account gets scored.
    for (let i = 0; i < 100; i++) {
      if ((await app.db.prisma.account.count({ where: { score: null } })) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await app.db.prisma.account.count({ where: { score: null } })).toBe(0);
    expect(await app.db.prisma.scoringRun.findFirst({ where: { reason: 'test' } })).toMatchObject({
      kind: 'full',
      accounts: 50,
    });
  }, 40_000);
});
