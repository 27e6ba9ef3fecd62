import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/load-config.ts';
import { scheduleDigests } from '../../src/jobs/digest-jobs.ts';
import { type JobQueue, startJobQueue } from '../../src/jobs/job-queue.ts';
import { type RunningWinback, startWinback } from '../../src/main.ts';
import { createTestDatabase } from '../support/database.ts';
import { SIGNING_SECRET } from '../support/test-app.ts';
import {
  type DigestRig,
  digestDeps,
  digestOf,
  localTime,
  logger,
  postsTo,
  seedChurned,
  startDigestRig,
  tick,
  waitFor,
} from './digest-rig.ts';

let rig: DigestRig;
beforeAll(async () => {
  rig = await startDigestRig();
});

const zone = 'Europe/Berlin';

describe('exactly one digest per channel and local day, whatever runs at the same time', () => {
  it('two instances ticking at the same instant, on ten days: one post and one row per day', async () => {
    const channel = 'C0RACING01';
    const env = { WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}` };
    // Separate Prisma clients: separate connection pools, as two processes would have.
    const first = rig.deps(env, { separate: true });
    const second = rig.deps(env, { separate: true });

    for (let day = 1; day <= 10; day++) {
      const date = `2026-09-${String(day).padStart(2, '0')}`;
      await seedChurned(rig.db.prisma, localTime(`${date}T07:00`, zone));
      const now = localTime(`${date}T08:30`, zone);
      await Promise.all([tick(first, now), tick(second, now), tick(first, now), tick(second, now)]);
    }

    const posts = postsTo(rig.slack, channel);
    expect(posts).toHaveLength(10);
    const digests = await rig.db.prisma.digest.findMany({
      where: { channelId: channel },
      orderBy: { localDate: 'asc' },
    });
    expect(digests.map((digest) => [digest.status, digest.itemCount])).toEqual(Array(10).fill(['posted', 1]));
    expect(digests.map((digest) => digest.messageTs)).toEqual(posts.map((post) => String(post.response.ts)));
    expect(await rig.db.prisma.digestItem.count({ where: { digest: { channelId: channel } } })).toBe(10);
  });

  it('a failed digest retaken by two instances at once is posted once', async () => {
    const channel = 'C0RETAKE01';
    const env = { WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}` };
    const first = rig.deps(env, { separate: true });
    const second = rig.deps(env, { separate: true });
    rig.slack.respondNext('chat.postMessage', 'channel_not_found');
    await tick(first, localTime('2026-09-20T08:30', zone));
    expect(await digestOf(rig.db.prisma, channel, '2026-09-20')).toMatchObject({ status: 'failed' });

    const now = localTime('2026-09-20T08:31', zone);
    await Promise.all([tick(first, now), tick(second, now), tick(first, now)]);

    expect(postsTo(rig.slack, channel)).toHaveLength(1);
    expect(await digestOf(rig.db.prisma, channel, '2026-09-20')).toMatchObject({ status: 'posted' });
  });
});

/** A fixed-offset zone where it is now around noon, so the test never straddles a local midnight. */
function zoneAtNoon(): string {
  const offset = 12 - new Date().getUTCHours();
  if (offset === 0) return 'UTC';
  // Etc/GMT zones are named with the sign reversed: Etc/GMT-5 is five hours ahead of UTC.
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

describe('two app instances on one database', () => {
  const instances: RunningWinback[] = [];
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  it('each set up the digest schedule when they boot at the same moment on a database without it', async () => {
    // A database of its own: pg-boss's queue must not exist yet, as on a first deploy of several instances.
    const db = await createTestDatabase();
    const queues: JobQueue[] = [];
    try {
      for (let i = 0; i < 6; i++) queues.push(await startJobQueue(db.url, logger));
      const deps = digestDeps(db.prisma, rig.slack, {});
      await Promise.all(queues.map((queue) => scheduleDigests(queue, deps)));
      const rows = await db.prisma.$queryRaw<
        { name: string }[]
      >`SELECT name FROM pgboss.queue WHERE name = 'digest-tick'`;
      expect(rows).toHaveLength(1);
    } finally {
      await Promise.all(queues.map((queue) => queue.stop()));
    }
  });

  it('post one digest, through pg-boss schedules on both, and nothing on the next minute’s tick', async () => {
    const channel = 'C0TWOAPPS1';
    // Due since local midnight, so the first scheduled tick posts it.
    const config = loadServerConfig({
      LOG_LEVEL: 'silent',
      DATABASE_URL: rig.db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: rig.slack.url,
      WINBACK_DIGEST_CHANNELS: `${channel}@00:00@${zoneAtNoon()}`,
      WINBACK_ESCALATE_AFTER_HOURS: '100000',
    });
    // The first test's accounts are still scored high value and would overflow this channel's first digest
    // into its thread; this test counts the posts of one digest of one account.
    await rig.db.prisma.storedAccountScore.updateMany({ data: { paretoPriority: false } });
    await seedChurned(rig.db.prisma, new Date(Date.now() - 60_000));
    const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    // Booted at the same instant, as two replicas of a deployment are.
    instances.push(...(await Promise.all([startWinback(config, log), startWinback(config, log)])));

    await waitFor('the scheduled digest', () => postsTo(rig.slack, channel)[0], 100_000);
    // Wait for a later tick to have run to the end as well: it must find the day's row taken.
    const completedTicks = async () => {
      const rows = await rig.db.prisma.$queryRaw<{ count: bigint }[]>`
          SELECT count(*) AS count FROM pgboss.job WHERE name = 'digest-tick' AND state = 'completed'`;
      return Number(rows[0]?.count ?? 0) >= 2 ? true : undefined;
    };
    await waitFor('a second completed digest tick', completedTicks, 100_000);

    expect(postsTo(rig.slack, channel)).toHaveLength(1);
    expect(await rig.db.prisma.digest.count({ where: { channelId: channel } })).toBe(1);
    expect(await rig.db.prisma.digest.findFirst({ where: { channelId: channel } })).toMatchObject({
      status: 'posted',
      messageTs: String(postsTo(rig.slack, channel)[0]?.response.ts),
    });
  }, 240_000);
});
