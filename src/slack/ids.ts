// Every Slack identifier the app registers or renders, in one place.
export const SLASH_COMMAND = '/winback';

export const ACTIONS = {
  claimAccount: 'claim_account',
  releaseAccount: 'release_account',
  accountDetails: 'account_details',
  reassignAccount: 'reassign_account',
} as const;

/** One block per digest item: claims find and re-render the item by it. */
export function digestItemBlockId(item: { kind: string; accountId: string }): string {
  return `digest:${item.kind}:${item.accountId}`;
}
