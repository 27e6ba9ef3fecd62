import type { KnownBlock } from '@slack/types';
import type { AccountLine } from '../../accounts/account-line.ts';
import { segmentLabel } from '../../accounts/segment-name.ts';
import { formatMoney } from '../../domain/money.ts';
import type { AccountStatus } from '../../generated/prisma/enums.ts';
import { ACTIONS } from '../ids.ts';
import { escapeMrkdwn } from './text.ts';

const STATUS_LABELS: Record<AccountStatus, string> = {
  trialing: 'trialing',
  active: 'active',
  past_due: 'past due',
  churned: 'churned',
};

export const statusLabel = (status: AccountStatus) => STATUS_LABELS[status];

export const ownerLabel = (ownerSlackId: string | null) => (ownerSlackId ? `Owner: <@${ownerSlackId}>` : 'Unclaimed');

/** `*Acme* · churned · lost MRR $1,200.00 · CLV $9,000.00 · segment At risk · Unclaimed`. */
export function accountLineText(line: AccountLine): string {
  const parts = [`*${escapeMrkdwn(line.displayName)}*`, statusLabel(line.status)];
  parts.push(`${line.status === 'churned' ? 'lost MRR' : 'MRR'} ${formatMoney(line.mrr)}`);
  if (line.clv) parts.push(`CLV ${formatMoney(line.clv)}`);
  if (line.openFailure) parts.push(`failed payment ${formatMoney(line.openFailure)}`);
  parts.push(`segment ${escapeMrkdwn(segmentLabel(line.segment))}`, ownerLabel(line.ownerSlackId));
  return parts.join(' · ');
}

/** The Details button that opens an account's card in a modal. */
export function detailsButton(accountId: string) {
  return {
    type: 'button' as const,
    action_id: ACTIONS.accountDetails,
    text: { type: 'plain_text' as const, text: 'Details' },
    value: accountId,
  };
}

/** One account as a section with its Details button; `extra` is a further mrkdwn line under it. */
export function accountLineBlock(line: AccountLine, extra?: string): KnownBlock {
  const text = extra ? `${accountLineText(line)}\n${extra}` : accountLineText(line);
  return { type: 'section', text: { type: 'mrkdwn', text }, accessory: detailsButton(line.id) };
}

export function contextNote(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
