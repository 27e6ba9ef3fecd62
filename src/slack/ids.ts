// Every Slack identifier the app registers or renders, in one place.
export const SLASH_COMMAND = '/winback';

export const ACTIONS = {
  claimAccount: 'claim_account',
  releaseAccount: 'release_account',
  accountDetails: 'account_details',
  reassignAccount: 'reassign_account',
  logFeedback: 'log_feedback',
  proposeOffer: 'propose_offer',
  approveOffer: 'approve_offer',
  rejectOffer: 'reject_offer',
  /** Any input of the offer modal that recomputes its cost when changed. */
  offerField: 'offer_field',
  /** "Send email" on an account: its value is the account id. */
  sendEmail: 'send_email',
} as const;

/** callback_id of the modals the app opens. */
export const VIEWS = {
  accountDetails: 'account_details_modal',
  notice: 'notice_modal',
  logFeedback: 'log_feedback_modal',
  proposeOffer: 'propose_offer_modal',
  rejectOffer: 'reject_offer_modal',
  sendEmail: 'send_email_modal',
} as const;

/** action_id of a modal input nobody listens to: its block_id names the field. */
export const MODAL_INPUT = 'input';

/** One block per digest item: claims find and re-render the item by it. */
export function digestItemBlockId(item: { kind: string; accountId: string }): string {
  return `digest:${item.kind}:${item.accountId}`;
}
