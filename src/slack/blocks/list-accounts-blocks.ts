import type { KnownBlock } from '@slack/types';
import type { AccountLine } from '../../accounts/account-line.ts';
import type { ListFilter } from '../../accounts/list-accounts.ts';
import { segmentLabel } from '../../accounts/segment-name.ts';
import { accountLineBlock, contextNote } from './list-line-blocks.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

const TITLES: Record<ListFilter, string> = {
  churned: 'Churned accounts',
  failed: 'Accounts with a failed payment',
  unclaimed: 'Unclaimed accounts, churned or with a failed payment',
  mine: 'Your accounts',
};

const NONE: Record<ListFilter, string> = {
  churned: 'No churned accounts',
  failed: 'No open failed payments',
  unclaimed: 'Nothing waits unclaimed',
  mine: 'You own no accounts',
};

export interface AccountList {
  filter: ListFilter;
  segment: string | null;
  lines: AccountLine[];
  total: number;
}

/** The reply to `/winback list`: a title, one line per account with its Details button, and how many more there are. */
export function accountListMessage(list: AccountList): { text: string; blocks: KnownBlock[] } {
  const inSegment = list.segment ? ` in segment ${escapeMrkdwn(segmentLabel(list.segment))}` : '';
  if (list.lines.length === 0) {
    const text = `${NONE[list.filter]}${inSegment} right now.`;
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = [
    section(`*${TITLES[list.filter]}*${inSegment}, most valuable first (${list.total} in all)`),
    ...list.lines.map((line) => accountLineBlock(line)),
  ];
  const more = list.total - list.lines.length;
  if (more > 0) {
    const narrow = list.segment ? '' : ` Narrow it with a segment, e.g. \`/winback list ${list.filter} at_risk\`.`;
    blocks.push(contextNote(`…and ${more} more not shown.${narrow}`));
  }
  return { text: plainTextOf(blocks), blocks };
}
