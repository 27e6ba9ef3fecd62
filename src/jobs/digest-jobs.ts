import type { WebClient } from '@slack/web-api';
import { type DigestChannel, digestChannelsOf, type TeamSettings } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { escalateUnclaimed } from '../digest/escalate-unclaimed.ts';
import { postDigest } from '../digest/post-digest.ts';
import { digestDue } from '../domain/digest/digest-due.ts';
import type { Logger } from '../log.ts';
import { createQueueSafely, type JobQueue } from './job-queue.ts';
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
  await createQueueSafely(jobs.boss, QUEUES.digestTick);
  await jobs.boss.schedule(QUEUES.digestTick, '* * * * *');
  await jobs.boss.work(QUEUES.digestTick, async ([job]) => {
    const started = Date.now();
    await runDigestTick(deps);
    deps.logger.debug({ jobId: job?.id, queue: QUEUES.digestTick, ms: Date.now() - started }, 'job done');
  });
}
