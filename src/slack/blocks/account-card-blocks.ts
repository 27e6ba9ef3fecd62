import type { KnownBlock, ModalView } from '@slack/types';
import type { AccountCard } from '../../accounts/load-account-card.ts';
import { segmentLabel } from '../../accounts/segment-name.ts';
import { formatMoney } from '../../domain/money.ts';
import { SLASH_COMMAND, VIEWS } from '../ids.ts';
import { reasonLabel } from './digest-blocks.ts';
import { sendEmailButton } from './email-choice-blocks.ts';
import { logFeedbackButton } from './feedback-buttons.ts';
import { contextNote, statusLabel } from './list-line-blocks.ts';
import { proposeOfferButton } from './offer-buttons.ts';
import { escapeMrkdwn, section } from './text.ts';

// Free text comes from customers and billing systems: kept short enough for a card, and escaped.
const MAX_FREE_TEXT = 500;

function freeText(text: string): string {
  const clipped = text.length > MAX_FREE_TEXT ? `${text.slice(0, MAX_FREE_TEXT - 1)}…` : text;
  return `“${escapeMrkdwn(clipped.replaceAll(/\s+/g, ' ').trim())}”`;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function failureText(card: AccountCard): string {
  const { failure } = card;
  if (!failure) return 'None';
  const decline = failure.declineCode ? escapeMrkdwn(failure.declineCode) : 'not given';
  const retry = failure.nextRetryAt ? `next retry ${day(failure.nextRetryAt)}` : 'no retry scheduled';
  return `${formatMoney(failure.amount)} · attempt ${failure.attemptCount} · decline: ${decline} · ${retry}`;
}

function feedbackText(card: AccountCard): string {
  const feedback = card.lastFeedback;
  if (!feedback) return 'None yet';
  const details = feedback.details ? ` · ${freeText(feedback.details)}` : '';
  return `${reasonLabel(feedback.reason)}${details} · <@${feedback.authorSlackId}>, ${day(feedback.createdAt)}`;
}

const field = (label: string, value: string) => ({ type: 'mrkdwn' as const, text: `*${label}*\n${value}` });

/** The account card: who the customer is, what they were worth, why they left, and where the win-back stands. */
export function accountCardBlocks(card: AccountCard): KnownBlock[] {
  const churned = card.status === 'churned';
  const reason = card.churnReasonText
    ? `${reasonLabel(card.churnReason)}: ${freeText(card.churnReasonText)}`
    : reasonLabel(card.churnReason);
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(card.displayName)}*`),
    {
      type: 'section',
      fields: [
        field('Status', statusLabel(card.status)),
        field(churned ? 'Lost MRR' : 'MRR', formatMoney(card.mrr)),
        field('CLV', card.clv ? formatMoney(card.clv) : 'not scored'),
        field('Tenure', card.tenureMonths === null ? 'unknown' : `${card.tenureMonths} months`),
        field('Segment', escapeMrkdwn(segmentLabel(card.segment))),
        field('Owner', card.ownerSlackId ? `<@${card.ownerSlackId}>` : 'Unclaimed'),
      ],
    },
    section(`*Why they left*\n${reason}`),
    section(`*Open payment failure*\n${failureText(card)}`),
    section(`*Last feedback*\n${feedbackText(card)}`),
  ];
  const claims = card.claimCount === 1 ? '1 claim so far' : `${card.claimCount} claims so far`;
  const billingId = `Billing id \`${escapeMrkdwn(card.externalId)}\``;
  const claimCommand = `\`${SLASH_COMMAND} claim ${escapeMrkdwn(card.externalId)}\``;
  const claimHint = card.ownerSlackId ? '' : ` · claim it: ${claimCommand}`;
  blocks.push(contextNote(`${billingId} · ${claims}${claimHint}`));
  return blocks;
}

/** The modal the Details button opens. Slack allows 24 characters of title. */
export function accountModal(card: AccountCard): ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.accountDetails,
    title: { type: 'plain_text', text: 'Account details' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      ...accountCardBlocks(card),
      {
        type: 'actions',
        elements: [logFeedbackButton(card.id), proposeOfferButton(card.id), sendEmailButton(card.id)],
      },
    ],
  };
}

/** A modal that only says something: how a failure is told when there is no message to answer in. */
export function noticeModal(text: string): ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.notice,
    title: { type: 'plain_text', text: 'winback' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [section(text)],
  };
}
