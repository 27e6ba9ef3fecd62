import { DateTime } from 'luxon';
import { digestChannelsOf, type TeamSettings } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { type BuiltDigest, buildDigest } from './build-digest.ts';

/**
 * Today's digest as it would post now in the first configured channel (the team's time zone when
 * none is), covering the time since that channel's last digest. Built only: nothing is posted or stored.
 */
export async function previewDigest(
  prisma: PrismaClient,
  settings: TeamSettings,
  now = new Date(),
): Promise<BuiltDigest> {
  const [channel] = digestChannelsOf(settings);
  const day = DateTime.fromJSDate(now, { zone: channel?.zone ?? settings.WINBACK_TIMEZONE });
  const previous = await prisma.digest.findFirst({
    where: {
      status: 'posted',
      localDate: { lt: new Date(`${day.toISODate()}T00:00:00Z`) },
      ...(channel ? { channelId: channel.channelId } : {}),
    },
    orderBy: { localDate: 'desc' },
    select: { periodEnd: true },
  });
  const period = { start: previous?.periodEnd ?? null, end: now };
  return buildDigest(prisma, period, day, {
    highValue: settings.WINBACK_HIGH_VALUE,
    maxItems: settings.WINBACK_DIGEST_MAX_ITEMS,
  });
}
