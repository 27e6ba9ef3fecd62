import type { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import type { DigestChannel } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Logger } from '../log.ts';
import { plainTextOf } from '../slack/blocks/plain-text.ts';
import { buildDigest, type DigestOptions } from './build-digest.ts';

export interface PostDigestOptions extends DigestOptions {
  /** On a day with nothing new: post a one-line note, or nothing. */
  quiet: 'note' | 'skip';
}

export type PostDigestResult =
  | { status: 'posted'; digestId: string; messageTs: string; messages: number; items: number }
  | { status: 'quiet'; digestId: string }
  | { status: 'already_done' }
  | { status: 'failed'; error: string };

/**
 * Claims the channel's digest row for this local day, then posts. The unique (channel, local
 * day) row is what makes the digest exactly-once across instances and restarts: whoever
 * inserts it posts; everyone else finds it taken. A failed post frees the row for a retry.
 */
async function claimDigestRow(prisma: PrismaClient, channel: DigestChannel, day: DateTime, now: Date) {
  const localDate = new Date(`${day.toISODate()}T00:00:00Z`);
  const previous = await prisma.digest.findFirst({
    where: { channelId: channel.channelId, status: 'posted', localDate: { lt: localDate } },
    orderBy: { localDate: 'desc' },
    select: { periodEnd: true },
  });
  const inserted = await prisma.digest.createManyAndReturn({
    data: [
      {
        channelId: channel.channelId,
        localDate,
        timezone: channel.zone,
        periodStart: previous?.periodEnd ?? null,
        periodEnd: now,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted[0]) return inserted[0];
  // A failed earlier attempt today may be taken over, by one instance only.
  const retaken = await prisma.digest.updateManyAndReturn({
    where: { channelId: channel.channelId, localDate, status: 'failed' },
    data: { status: 'posting', periodEnd: now },
  });
  return retaken[0] ?? null;
}

export async function postDigest(
  prisma: PrismaClient,
  slack: WebClient,
  channel: DigestChannel,
  options: PostDigestOptions,
  logger: Logger,
  now = new Date(),
): Promise<PostDigestResult> {
  const day = DateTime.fromJSDate(now, { zone: channel.zone });
  const digest = await claimDigestRow(prisma, channel, day, now);
  if (!digest) return { status: 'already_done' };
  const log = logger.child({ digestId: digest.id, channelId: channel.channelId });

  const built = await buildDigest(prisma, { start: digest.periodStart, end: digest.periodEnd }, day, options);
  const summary = built.summary as unknown as Prisma.InputJsonValue;
  if (built.quiet && options.quiet === 'skip') {
    await prisma.digest.update({ where: { id: digest.id }, data: { status: 'posted', summary, postedAt: now } });
    log.info('quiet day; digest skipped');
    return { status: 'quiet', digestId: digest.id };
  }

  const placements: { keys: string[]; ts: string }[] = [];
  try {
    for (const message of built.messages) {
      const threadTs = placements[0]?.ts;
      const posted = await slack.chat.postMessage({
        channel: channel.channelId,
        text: plainTextOf(message.blocks),
        blocks: message.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      placements.push({ keys: message.keys, ts: String(posted.ts) });
    }
  } catch (error) {
    const reason = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
    log.error({ err: error, posted: placements.length }, 'digest could not be posted in full');
    // Once the first message is out, the digest exists: never post it again, keep what went out.
    if (placements.length === 0) {
      await prisma.digest.update({ where: { id: digest.id }, data: { status: 'failed' } });
      return { status: 'failed', error: reason };
    }
  }
  const mainTs = placements[0]?.ts ?? '';
  await recordPosted(prisma, digest.id, built.items, placements, mainTs, summary, now);
  log.info({ items: built.items.length, messages: placements.length }, 'digest posted');
  return {
    status: 'posted',
    digestId: digest.id,
    messageTs: mainTs,
    messages: placements.length,
    items: built.items.length,
  };
}

async function recordPosted(
  prisma: PrismaClient,
  digestId: string,
  items: { kind: string; accountId: string }[],
  placements: { keys: string[]; ts: string }[],
  messageTs: string,
  summary: Prisma.InputJsonValue,
  // The tick's clock, not the wall clock: escalation counts working hours from it against the same clock.
  postedAt: Date,
) {
  const tsOfKey = new Map(placements.flatMap(({ keys, ts }) => keys.map((key) => [key, ts] as const)));
  await prisma.$transaction([
    prisma.digestItem.createMany({
      data: items.map((item, position) => ({
        digestId,
        accountId: item.accountId,
        kind: item.kind,
        position,
        messageTs: tsOfKey.get(`digest:${item.kind}:${item.accountId}`) ?? null,
      })),
      skipDuplicates: true,
    }),
    prisma.digest.update({
      where: { id: digestId },
      data: { status: 'posted', messageTs, summary, itemCount: items.length, postedAt },
    }),
  ]);
}
