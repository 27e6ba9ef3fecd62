import type { PrismaClient } from '../db/prisma.ts';

export interface SlackThread {
  channelId: string;
  ts: string;
}

/**
 * Where the account's story is told: its own thread once it has one, else the thread of the newest
 * posted digest that showed it. Null when neither exists; callers then post nothing.
 */
export async function findAccountThread(
  prisma: PrismaClient,
  account: { id: string; threadChannelId: string | null; threadTs: string | null },
): Promise<SlackThread | null> {
  if (account.threadChannelId && account.threadTs) return { channelId: account.threadChannelId, ts: account.threadTs };

  const item = await prisma.digestItem.findFirst({
    where: { accountId: account.id, messageTs: { not: null }, digest: { status: 'posted', messageTs: { not: null } } },
    orderBy: { digest: { localDate: 'desc' } },
    select: { digest: { select: { channelId: true, messageTs: true } } },
  });
  // The digest's own message is the thread's parent, also for items shown in one of its replies.
  const ts = item?.digest.messageTs;
  return item && ts ? { channelId: item.digest.channelId, ts } : null;
}
