import type { KnownBlock } from '@slack/types';
import { formatTotals } from '../../domain/money.ts';
import type { SegmentAccounts } from '../../segments/show-segment.ts';
import { accountLineBlock, contextNote } from './list-line-blocks.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

/** The reply to `/winback segment NAME`: its size, then its most valuable accounts, each with Details. */
export function segmentAccountsMessage(segment: SegmentAccounts): { text: string; blocks: KnownBlock[] } {
  const about = segment.description ? `\n${escapeMrkdwn(segment.description.slice(0, 500))}` : '';
  const size = segment.accounts === 1 ? '1 account' : `${segment.accounts} accounts`;
  const heading = `*Segment \`${segment.name}\`* · ${size} · ${formatTotals(segment.lostMrr)} lost MRR${about}`;
  if (segment.top.length === 0) {
    const text = `${heading}\nNo account matches it right now.`;
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = [section(heading), ...segment.top.map((line) => accountLineBlock(line))];
  const more = segment.accounts - segment.top.length;
  const order = 'Pareto priority first, then by CLV.';
  blocks.push(contextNote(more > 0 ? `${order} …and ${more} more not shown.` : order));
  return { text: plainTextOf(blocks), blocks };
}

/** The reply to an unknown segment name: what there is to pick from. */
export function unknownSegmentMessage(name: string, known: string[]): { text: string } {
  const typed = `\`${escapeMrkdwn(name.slice(0, 40))}\``;
  if (known.length === 0) {
    return {
      text: `There is no segment called ${typed}, and none is saved yet. An admin saves them with \`npx winback segments add\`.`,
    };
  }
  const names = known.map((segment) => `\`${segment}\``).join(', ');
  return { text: `There is no segment called ${typed}. The segments are: ${names}.` };
}
