import type { ModalView } from '@slack/types';
import type { OfferCard } from '../../offers/load-offer-card.ts';
import { costText, offerText } from '../blocks/offer-text.ts';
import { escapeMrkdwn, section } from '../blocks/text.ts';
import { MODAL_INPUT, VIEWS } from '../ids.ts';

export const REJECT_BLOCKS = { reason: 'reason' } as const;
export const MAX_REASON = 500;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** "Reject offer": the offer in question and why it is rejected, which the proposer is told. */
export function rejectOfferModal(card: OfferCard, privateMetadata: string): ModalView {
  const what = `*${offerText(card.terms, card.currency)}* for *${escapeMrkdwn(card.displayName)}*`;
  return {
    type: 'modal',
    callback_id: VIEWS.rejectOffer,
    title: plain('Reject offer'),
    submit: plain('Reject'),
    close: plain('Cancel'),
    private_metadata: privateMetadata,
    blocks: [
      section(`<@${card.proposerSlackId}> proposed ${what}. ${costText(card)}.`),
      {
        type: 'input',
        block_id: REJECT_BLOCKS.reason,
        label: plain('Why not?'),
        hint: plain('The proposer reads this; say what would be approved instead, if anything.'),
        element: { type: 'plain_text_input', action_id: MODAL_INPUT, multiline: true, max_length: MAX_REASON },
      },
    ],
  };
}
