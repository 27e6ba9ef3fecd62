import type { KnownBlock } from '@slack/types';
import { segmentLabel } from '../../accounts/segment-name.ts';
import type { ChurnedItem, DigestSummary, FailedPaymentItem } from '../../domain/digest/digest-items.ts';
import { formatMoney, formatTotals } from '../../domain/money.ts';
import { ACTIONS, digestItemBlockId } from '../ids.ts';
import { logFeedbackButton } from './feedback-buttons.ts';
import { proposeOfferButton } from './offer-buttons.ts';
import { escapeMrkdwn } from './text.ts';

const REASON_LABELS: Record<string, string> = {
  price: 'price',
  missing_feature: 'missing feature',
  support: 'support / onboarding',
  competitor: 'moved to a competitor',
  usability: 'too complex',
  involuntary: 'payment failed',
  unused: 'not used',
  low_quality: 'quality',
  other: 'other',
  unknown: 'unknown',
};

export const reasonLabel = (reason: string | null) => REASON_LABELS[reason ?? 'unknown'] ?? reason ?? 'unknown';

export function digestHeaderBlocks(summary: DigestSummary): KnownBlock[] {
  const line =
    `*${summary.churnedAccounts}* newly churned, *${formatTotals(summary.lostMrr)}* MRR lost · ` +
    `*${summary.openFailures}* open failed payments, *${formatTotals(summary.failedAmount)}* · ` +
    `recovered since the last digest: *${formatTotals(summary.recovered)}*`;
  const reasons = summary.topReasons
    .map((entry) => `${reasonLabel(entry.reason)} (${entry.accounts}, ${formatTotals(entry.lostMrr)})`)
    .join(' · ');
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Win-back digest · ${summary.dayLabel}` } },
    { type: 'section', text: { type: 'mrkdwn', text: line } },
  ];
  if (reasons) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Top reasons: ${reasons}` }] });
  return blocks;
}

function ownerText(ownerSlackId: string | null): string {
  return ownerSlackId ? `Owner: <@${ownerSlackId}>` : 'Unclaimed';
}

function itemActions(item: { accountId: string; ownerSlackId: string | null }, blockId: string): KnownBlock {
  const claim = item.ownerSlackId
    ? {
        type: 'button' as const,
        action_id: ACTIONS.releaseAccount,
        text: { type: 'plain_text' as const, text: 'Release' },
        value: item.accountId,
      }
    : {
        type: 'button' as const,
        action_id: ACTIONS.claimAccount,
        style: 'primary' as const,
        text: { type: 'plain_text' as const, text: 'Claim' },
        value: item.accountId,
      };
  const details = {
    type: 'button' as const,
    action_id: ACTIONS.accountDetails,
    text: { type: 'plain_text' as const, text: 'Details' },
    value: item.accountId,
  };
  const elements = [claim, details, logFeedbackButton(item.accountId), proposeOfferButton(item.accountId)];
  return { type: 'actions', block_id: `${blockId}:actions`, elements };
}

export function churnedItemBlocks(item: ChurnedItem): KnownBlock[] {
  const blockId = digestItemBlockId(item);
  const figures = [`lost MRR ${formatMoney(item.lostMrr)}`];
  if (item.clv) figures.push(`CLV ${formatMoney(item.clv)}`);
  const details = [
    item.tenureMonths === null ? 'tenure unknown' : `${item.tenureMonths} months`,
    `reason: ${reasonLabel(item.reason)}`,
    `segment: ${segmentLabel(item.segment)}`,
    ownerText(item.ownerSlackId),
  ];
  return [
    {
      type: 'section',
      block_id: blockId,
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(item.displayName)}* · ${figures.join(' · ')}\n${details.join(' · ')}`,
      },
    },
    itemActions(item, blockId),
  ];
}

export function failedItemBlocks(item: FailedPaymentItem): KnownBlock[] {
  const blockId = digestItemBlockId(item);
  const retry = item.nextRetryAt ? `next retry ${item.nextRetryAt.toISOString().slice(0, 10)}` : 'no retry scheduled';
  const details = [
    `attempt ${item.attemptCount}`,
    `decline: ${item.declineCode ? escapeMrkdwn(item.declineCode) : 'not given'}`,
    retry,
    ownerText(item.ownerSlackId),
  ];
  const label = item.isNew ? 'failed payment' : 'still open';
  return [
    {
      type: 'section',
      block_id: blockId,
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(item.displayName)}* · ${label} ${formatMoney(item.amount)}\n${details.join(' · ')}`,
      },
    },
    itemActions(item, blockId),
  ];
}

export function sectionTitle(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `*${text}*` }] };
}
