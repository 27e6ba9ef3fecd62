import type { KnownBlock } from '@slack/types';
import { formatTotals } from '../../domain/money.ts';
import type { SegmentListing } from '../../segments/list-segments.ts';
import { contextNote } from './list-line-blocks.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

// Slack's limits: 3,000 characters per section and 50 blocks per message; stay well inside both.
const MAX_SECTION = 2800;
const MAX_SEGMENTS = 100;
const DESCRIPTION = 120;

function segmentLine(segment: SegmentListing): string {
  const about = segment.description
    ? ` — ${escapeMrkdwn(segment.description.slice(0, DESCRIPTION))}${segment.description.length > DESCRIPTION ? '…' : ''}`
    : '';
  const accounts = segment.accounts === 1 ? '1 account' : `${segment.accounts} accounts`;
  return `• \`${segment.name}\` · ${accounts} · ${formatTotals(segment.lostMrr)} lost MRR${about}`;
}

/** The reply to `/winback segments`: each saved segment with its size and lost MRR, packed into few sections. */
export function segmentListMessage(segments: SegmentListing[]): { text: string; blocks: KnownBlock[] } {
  if (segments.length === 0) {
    const text = 'No segment is saved yet. An admin saves them with `npx winback segments add NAME ...`.';
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = [section(`*Saved segments* (${segments.length})`)];
  let lines: string[] = [];
  for (const line of segments.slice(0, MAX_SEGMENTS).map(segmentLine)) {
    if ([...lines, line].join('\n').length > MAX_SECTION) {
      blocks.push(section(lines.join('\n')));
      lines = [];
    }
    lines.push(line);
  }
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  const more = segments.length - MAX_SEGMENTS;
  const tip = 'See one with `/winback segment NAME`.';
  blocks.push(contextNote(more > 0 ? `…and ${more} more not shown. ${tip}` : tip));
  return { text: plainTextOf(blocks), blocks };
}
