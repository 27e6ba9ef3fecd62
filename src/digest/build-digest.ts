import type { DateTime } from 'luxon';
import type { PrismaClient } from '../db/prisma.ts';
import type { DigestItem, DigestSummary } from '../domain/digest/digest-items.ts';
import { churnedItemBlocks, digestHeaderBlocks, failedItemBlocks } from '../slack/blocks/digest-blocks.ts';
import { type ItemBlocks, type PackedMessage, packDigestMessages } from '../slack/blocks/pack-digest-messages.ts';
import { digestItemBlockId } from '../slack/ids.ts';
import { type DigestPeriod, type HighValueRule, loadDigestContent } from './load-digest-content.ts';

export interface DigestOptions {
  highValue: HighValueRule;
  /** Lines at most, across the message and its thread; the rest are counted and left to /winback list. */
  maxItems: number;
}

export interface BuiltDigest {
  summary: DigestSummary;
  items: DigestItem[];
  messages: PackedMessage[];
  /** Nothing new: no churned account worth a line and no open failure. */
  quiet: boolean;
}

export const CHURNED_SECTION = 'Newly churned, most valuable first';
export const FAILED_SECTION = 'Failed payments, newest first';

export function renderItem(item: DigestItem): ItemBlocks {
  return item.kind === 'churned'
    ? { key: digestItemBlockId(item), section: CHURNED_SECTION, blocks: churnedItemBlocks(item) }
    : { key: digestItemBlockId(item), section: FAILED_SECTION, blocks: failedItemBlocks(item) };
}

/** The digest for one channel-day: its figures, its lines, and the messages that carry them. */
export async function buildDigest(
  prisma: PrismaClient,
  period: DigestPeriod,
  day: DateTime,
  options: DigestOptions,
): Promise<BuiltDigest> {
  const content = await loadDigestContent(prisma, period, options.highValue, options.maxItems);
  const summary: DigestSummary = {
    localDate: day.toISODate() ?? '',
    dayLabel: day.setLocale('en-GB').toFormat('cccc d LLLL yyyy'),
    churnedAccounts: content.churnedAccounts,
    lostMrr: content.lostMrr,
    openFailures: content.openFailures,
    failedAmount: content.failedAmount,
    recovered: content.recovered,
    topReasons: content.topReasons,
    notShown: content.notShown,
  };
  const items: DigestItem[] = [...content.churned, ...content.failed];
  return { summary, items, messages: renderDigestMessages(summary, items), quiet: items.length === 0 };
}

/** Blocks for every message of a digest; also used to re-render after a claim. */
export function renderDigestMessages(summary: DigestSummary, items: DigestItem[]): PackedMessage[] {
  const header = digestHeaderBlocks(summary);
  if (items.length === 0) {
    const text =
      summary.churnedAccounts > 0
        ? 'None of the newly churned accounts is high-value, and no payment is failing.'
        : 'Nothing new since the last digest: no account churned and no payment is failing.';
    header.push({ type: 'section', text: { type: 'mrkdwn', text } });
  }
  return packDigestMessages(header, items.map(renderItem), notShownNote(summary));
}

export function notShownNote(summary: DigestSummary): string | null {
  return summary.notShown > 0
    ? `${summary.notShown} more not shown here: \`/winback list churned\` and \`/winback list failed\` list them.`
    : null;
}
