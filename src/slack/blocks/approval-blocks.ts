import type { KnownBlock } from '@slack/types';
import type { OfferCard } from '../../offers/load-offer-card.ts';
import { ACTIONS } from '../ids.ts';
import { reasonLabel } from './digest-blocks.ts';
import { costText, offerText, quoted, slackTime } from './offer-text.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

function offerSummary(card: OfferCard): KnownBlock[] {
  const lines = [
    `<@${card.proposerSlackId}> proposes *${offerText(card.terms, card.currency)}* ` +
      `to *${escapeMrkdwn(card.displayName)}*`,
    `Churn reason: ${reasonLabel(card.churnReason)} · ${costText(card)}`,
  ];
  const blocks = [section(lines.join('\n'))];
  if (card.note) blocks.push(section(quoted(card.note)));
  return blocks;
}

function stateLine(card: OfferCard): string {
  const decider = card.decision ? `<@${card.decision.deciderSlackId}>` : 'a manager';
  switch (card.status) {
    case 'approved':
    case 'sent':
    case 'accepted':
      return `:white_check_mark: Approved by ${decider}.`;
    case 'rejected': {
      const why = card.decision?.reason ? `\n${quoted(card.decision.reason)}` : '';
      return `:x: Rejected by ${decider}.${why}`;
    }
    case 'expired':
      return ':hourglass: Expired: no manager decided in time.';
    case 'replaced':
      return ':leftwards_arrow_with_hook: Replaced by a newer offer for this account.';
    default:
      return card.approvalExpiresAt ? `Waiting for a manager until ${slackTime(card.approvalExpiresAt)}.` : 'Waiting.';
  }
}

/** The request in the approvals channel: what is offered, what it costs against CLV, and the two buttons. */
export function approvalRequestMessage(card: OfferCard, whyManager: string[]): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [
    section('*Offer waiting for approval*'),
    ...offerSummary(card),
    context(`Needs a manager: ${whyManager.map(escapeMrkdwn).join(' ')} · ${stateLine(card)}`),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.approveOffer,
          style: 'primary',
          text: { type: 'plain_text', text: 'Approve' },
          value: card.offerId,
        },
        {
          type: 'button',
          action_id: ACTIONS.rejectOffer,
          style: 'danger',
          text: { type: 'plain_text', text: 'Reject' },
          value: card.offerId,
        },
      ],
    },
  ];
  return { text: plainTextOf(blocks), blocks };
}

/** The same message once decided, expired or replaced: no buttons, and the outcome in their place. */
export function settledApprovalMessage(card: OfferCard): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [section('*Offer for approval*'), ...offerSummary(card), section(stateLine(card))];
  return { text: plainTextOf(blocks), blocks };
}

/** What the clicker learns when their decision came too late. */
export function tooLateText(card: OfferCard): string {
  if (card.decision) {
    const verb = card.decision.decision === 'approved' ? 'approved' : 'rejected';
    return `Already ${verb} by <@${card.decision.deciderSlackId}>.`;
  }
  const state = { expired: 'it expired', replaced: 'a newer offer replaced it' } as Partial<Record<string, string>>;
  return `This offer is no longer waiting for a decision: ${state[card.status] ?? `it is ${card.status}`}.`;
}
