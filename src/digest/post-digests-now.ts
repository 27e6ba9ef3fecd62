import type { WebClient } from '@slack/web-api';
import type { Actor } from '../claims/release-account.ts';
import { digestChannelsOf, type TeamSettings } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { WinbackError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { type PostDigestResult, postDigest } from './post-digest.ts';

export interface DigestNowDeps {
  prisma: PrismaClient;
  slack: WebClient;
  settings: TeamSettings;
  logger: Logger;
}

export type ChannelDigestResult = PostDigestResult & { channelId: string };

function assertManager(actor: Actor): void {
  if (actor.isManager) return;
  throw new WinbackError('not_allowed', `user ${actor.userId} is not a manager`, {
    userMessage: 'Only managers can post the digest on demand. `/winback digest preview` shows it to you alone.',
  });
}

/**
 * Posts today's digest in every configured channel now, instead of at its scheduled time; only a
 * manager may. A channel whose digest for today already went out (or is going out) is left alone:
 * postDigest's one row per channel-day is what makes this and the schedule exactly-once together.
 */
export async function postDigestsNow(
  deps: DigestNowDeps,
  actor: Actor,
  now = new Date(),
): Promise<ChannelDigestResult[]> {
  assertManager(actor);
  const options = {
    highValue: deps.settings.WINBACK_HIGH_VALUE,
    maxItems: deps.settings.WINBACK_DIGEST_MAX_ITEMS,
    quiet: deps.settings.WINBACK_DIGEST_QUIET,
  };
  const results: ChannelDigestResult[] = [];
  for (const channel of digestChannelsOf(deps.settings)) {
    const result = await postDigest(deps.prisma, deps.slack, channel, options, deps.logger, now);
    results.push({ ...result, channelId: channel.channelId });
  }
  deps.logger.info({ userId: actor.userId, channels: results.length }, 'digest posted on demand');
  return results;
}
