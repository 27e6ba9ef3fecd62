import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../db/prisma.ts';
import type { DigestItem, DigestSummary } from '../domain/digest/digest-items.ts';
import type { Logger } from '../log.ts';
import { scoreSelect } from '../scoring/score-select.ts';
import { digestHeaderBlocks } from '../slack/blocks/digest-blocks.ts';
import { CONTINUED, closingNote, layoutMessage } from '../slack/blocks/pack-digest-messages.ts';
import { plainTextOf } from '../slack/blocks/plain-text.ts';
import { notShownNote, renderItem } from './build-digest.ts';
import { claimSelect, toChurnedItem, toFailedItem } from './load-digest-content.ts';

/**
 * Re-renders, in place, every digest message that shows the account, so the whole channel sees
 * its new owner. Each message is rebuilt from the database: its stored header figures and the
 * current state of each item in it.
 */
export async function refreshDigestMessages(
  prisma: PrismaClient,
  slack: WebClient,
  accountId: string,
  logger: Logger,
): Promise<number> {
  const placements = await prisma.digestItem.findMany({
    where: { accountId, messageTs: { not: null }, digest: { status: 'posted' } },
    select: { digestId: true, messageTs: true },
    distinct: ['digestId', 'messageTs'],
  });
  for (const { digestId, messageTs } of placements) {
    if (!messageTs) continue;
    const digest = await prisma.digest.findUniqueOrThrow({ where: { id: digestId } });
    const blocks = await renderStoredMessage(prisma, digest, messageTs);
    try {
      await slack.chat.update({ channel: digest.channelId, ts: messageTs, blocks, text: plainTextOf(blocks) });
    } catch (error) {
      // The claim itself stands; a message Slack refuses to update (deleted, archived) is only logged.
      logger.warn({ err: error, digestId, accountId }, 'digest message could not be updated');
    }
  }
  return placements.length;
}

async function renderStoredMessage(
  prisma: PrismaClient,
  digest: { id: string; messageTs: string | null; periodStart: Date | null; summary: unknown },
  messageTs: string,
) {
  const rows = await prisma.digestItem.findMany({
    where: { digestId: digest.id, messageTs },
    orderBy: { position: 'asc' },
    include: {
      account: {
        include: {
          claims: claimSelect,
          score: scoreSelect,
          paymentFailures: { orderBy: { failedAt: 'desc' }, take: 1 },
        },
      },
    },
  });
  const items = rows.flatMap((row): DigestItem[] => {
    if (row.kind === 'churned') return [toChurnedItem(row.account)];
    const failure = row.account.paymentFailures[0];
    return failure ? [toFailedItem(failure, row.account, digest.periodStart)] : [];
  });
  if (messageTs !== digest.messageTs) {
    return layoutMessage(
      [{ type: 'context', elements: [{ type: 'mrkdwn', text: CONTINUED }] }],
      items.map(renderItem),
      null,
    );
  }
  const summary = digest.summary as DigestSummary;
  const total = await prisma.digestItem.count({ where: { digestId: digest.id } });
  return layoutMessage(
    digestHeaderBlocks(summary),
    items.map(renderItem),
    closingNote(total - rows.length, notShownNote(summary)),
  );
}
