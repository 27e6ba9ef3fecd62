import type { WebClient } from '@slack/web-api';
import { type DigestChannel, digestChannelsOf, type TeamSettings } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { escalateUnclaimed } from '../digest/escalate-unclaimed.ts';
import { postDigest } from '../digest/post-digest.ts';
import { digestDue } from '../domain/digest/digest-due.ts';
import type { Logger } from '../log.ts';
import type { JobQueue } from './job-queue.ts';
import { QUEUES } from './queues.ts';

export interface DigestJobDeps {
  prisma: PrismaClient;
  slack: WebClient;
  settings: TeamSettings;
  /** Managers to mention when an account waits unclaimed. */
  managerMentions: () => Promise<string[]>;
  logger: Logger;
}

/** One minute's work: post each channel's digest once it is due, then escalate what waits unclaimed. */
export async function runDigestTick(deps: DigestJobDeps, now = new Date()): Promise<void> {
  for (const channel of digestChannelsOf(deps.settings)) {
    await postDueDigest(deps, channel, now);
  }
  await escalateUnclaimed(deps, now);
}

async function postDueDigest(deps: DigestJobDeps, channel: DigestChannel, now: Date) {
  const { localDate, due } = digestDue(now, channel.zone, channel.time);
  if (!due) return;
  const existing = await deps.prisma.digest.findUnique({
    where: { channelId_localDate: { channelId: channel.channelId, localDate: new Date(`${localDate}T00:00:00Z`) } },
    select: { status: true },
  });
  if (existing && existing.status !== 'failed') return;
  await postDigest(
    deps.prisma,
    deps.slack,
    channel,
    {
      highValue: deps.settings.WINBACK_HIGH_VALUE,
      maxItems: deps.settings.WINBACK_DIGEST_MAX_ITEMS,
      quiet: deps.settings.WINBACK_DIGEST_QUIET,
    },
    deps.logger,
    now,
  );
}

/**
 * A tick every minute. pg-boss creates one job per cron slot however many instances run, and
 * the digest's unique (channel, day) row settles any race that is left.
 */
export async function scheduleDigests(jobs: JobQueue, deps: DigestJobDeps): Promise<void> {
  await createQueueOnce(jobs, QUEUES.digestTick);
  await jobs.boss.schedule(QUEUES.digestTick, '* * * * *');
  await jobs.boss.work(QUEUES.digestTick, async ([job]) => {
    const started = Date.now();
    await runDigestTick(deps);
    deps.logger.debug({ jobId: job?.id, queue: QUEUES.digestTick, ms: Date.now() - started }, 'job done');
  });
}

/**
 * Instances booting together on a database that lacks the queue all run pg-boss's create_queue, whose partition DDL
 * can deadlock (40P01). PostgreSQL rolls the victim back while the other creation commits, so trying again finds the
 * queue there and does nothing.
 */
async function createQueueOnce(jobs: JobQueue, name: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await jobs.boss.createQueue(name);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= attempts) throw error;
    }
  }
}
