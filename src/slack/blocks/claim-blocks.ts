import type { KnownBlock } from '@slack/types';
import type { ClaimResult } from '../../claims/claim-account.ts';
import { ACTIONS } from '../ids.ts';
import { escapeMrkdwn } from './text.ts';

/** What the clicker sees when someone else got there first; managers also get the way out. */
export function alreadyClaimedMessage(result: ClaimResult, isManager: boolean): { text: string; blocks: KnownBlock[] } {
  const text = `*${escapeMrkdwn(result.displayName)}* is already claimed by <@${result.ownerSlackId}>.`;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (isManager) {
    blocks.push({
      type: 'actions',
      block_id: `manage_claim:${result.accountId}`,
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.releaseAccount,
          text: { type: 'plain_text', text: 'Release' },
          value: result.accountId,
        },
        {
          type: 'users_select',
          action_id: ACTIONS.reassignAccount,
          placeholder: { type: 'plain_text', text: 'Reassign to…' },
        },
      ],
    });
  }
  return { text, blocks };
}
