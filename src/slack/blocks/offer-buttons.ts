import { ACTIONS } from '../ids.ts';

/** Opens the offer modal for the account, prefilled from the playbook. */
export function proposeOfferButton(accountId: string) {
  return {
    type: 'button' as const,
    action_id: ACTIONS.proposeOffer,
    text: { type: 'plain_text' as const, text: 'Propose offer' },
    value: accountId,
  };
}
