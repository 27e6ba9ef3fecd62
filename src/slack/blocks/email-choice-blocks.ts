import type { KnownBlock } from '@slack/types';
import type { Unresolved } from '../../accounts/find-accounts.ts';
import { ACTIONS } from '../ids.ts';
import { accountLineText, contextNote } from './list-line-blocks.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

/** The "Send email" button; other surfaces (account card, Home tab) may show it too. */
export function sendEmailButton(accountId: string) {
  return {
    type: 'button' as const,
    action_id: ACTIONS.sendEmail,
    text: { type: 'plain_text' as const, text: 'Send email' },
    value: accountId,
  };
}

/** When `/winback email <reference>` names no account or several: the choices, each with Send email. */
export function emailChoicesMessage(reference: string, match: Unresolved): { text: string; blocks: KnownBlock[] } {
  const typed = `\`${escapeMrkdwn(reference)}\``;
  if (match.status === 'none') {
    const text = `No account matches ${typed}. Try part of the company name, an email or a billing id.`;
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = [section(`Several accounts match ${typed}. Which one should get the email?`)];
  for (const account of match.accounts) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: accountLineText(account) },
      accessory: sendEmailButton(account.id),
    });
  }
  if (match.more > 0) blocks.push(contextNote(`…and ${match.more} more. Type more of the name to narrow it down.`));
  return { text: plainTextOf(blocks), blocks };
}
