import type { KnownBlock } from '@slack/types';
import type { OfferCard } from '../../offers/load-offer-card.ts';
import { costText, offerText, quoted, slackTime } from './offer-text.ts';
import { escapeMrkdwn, section } from './text.ts';

type Message = { text: string; blocks: KnownBlock[] };

const message = (text: string): Message => ({ text, blocks: [section(text)] });

const what = (card: OfferCard) => `*${offerText(card.terms, card.currency)}* for *${escapeMrkdwn(card.displayName)}*`;

function codeLine(card: OfferCard): string {
  if (!card.code) return '';
  const until = card.codeExpiresAt ? `, valid until ${slackTime(card.codeExpiresAt)}` : '';
  return `\nCode \`${card.code}\` (single use${until}).`;
}

/** What the proposer sees once the offer is recorded: approved on the spot, or sent to the managers. */
export function offerRecordedMessage(card: OfferCard, whyManager: string[], channelId: string | null): Message {
  if (card.status === 'approved') {
    return message(`Approved automatically: ${what(card)}. ${costText(card)}.${codeLine(card)}`);
  }
  const where = channelId ? ` in <#${channelId}>` : '';
  const why = whyManager.map(escapeMrkdwn).join(' ');
  return message(`Sent to the managers${where} for approval: ${what(card)}. ${costText(card)}.\nWhy: ${why}`);
}

/** The proposer's direct message when a manager decided, or nobody did in time. */
export function offerSettledNotice(card: OfferCard, expiresAfterHours: number): Message {
  const decider = card.decision ? `<@${card.decision.deciderSlackId}>` : 'A manager';
  if (card.status === 'approved') return message(`${decider} approved your offer: ${what(card)}.${codeLine(card)}`);
  if (card.status === 'rejected') {
    const why = card.decision?.reason ? `\n${quoted(card.decision.reason)}` : '';
    return message(`${decider} rejected your offer: ${what(card)}.${why}`);
  }
  return message(
    `Your offer ${what(card)} expired: no manager decided within ${expiresAfterHours} hours. You can propose it again.`,
  );
}

/** The short note in the account's thread once an offer is approved. */
export function offerThreadNote(card: OfferCard): Message {
  const by = card.autoApproved ? 'approved automatically' : `approved by <@${card.decision?.deciderSlackId ?? ''}>`;
  return message(`<@${card.proposerSlackId}> offered *${offerText(card.terms, card.currency)}* (${by}).`);
}
