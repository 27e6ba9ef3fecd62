import type { KnownBlock } from '@slack/types';
import type { Unresolved } from '../../accounts/find-accounts.ts';
import { SLASH_COMMAND } from '../ids.ts';
import { accountLineBlock, contextNote } from './list-line-blocks.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

/** What a choice's typed form is for: opening the account, or claiming or releasing it. */
export type ChoiceFor = 'account' | 'claim' | 'release';

const SEVERAL: Record<ChoiceFor, string> = {
  account: 'Which one do you mean?',
  claim: 'Nothing was claimed. Open one, or claim it by its billing id:',
  release: 'Nothing was released. Open one, or release it by its billing id:',
};

/**
 * The reply when a typed reference names no account, or several: up to ten choices, each with its
 * Details button and, for claim and release, the command that names it exactly.
 */
export function accountChoicesMessage(
  reference: string,
  match: Unresolved,
  choiceFor: ChoiceFor,
): { text: string; blocks: KnownBlock[] } {
  const typed = `\`${escapeMrkdwn(reference)}\``;
  if (match.status === 'none') {
    const text = `No account matches ${typed}. Try part of the company name, an email or a billing id.`;
    return { text, blocks: [section(text)] };
  }
  // Billing ids are unique per billing system; when two choices share one, only the id tells them apart.
  const refs = match.accounts.map((account) => account.externalId.toLowerCase());
  const shared = (ref: string) => refs.filter((other) => other === ref).length > 1;
  const blocks: KnownBlock[] = [section(`Several accounts match ${typed}. ${SEVERAL[choiceFor]}`)];
  for (const account of match.accounts) {
    const exact = shared(account.externalId.toLowerCase()) ? account.id : account.externalId;
    const command = choiceFor === 'account' ? undefined : `\`${SLASH_COMMAND} ${choiceFor} ${escapeMrkdwn(exact)}\``;
    blocks.push(accountLineBlock(account, command));
  }
  if (match.more > 0) blocks.push(contextNote(`…and ${match.more} more. Type more of the name to narrow it down.`));
  return { text: plainTextOf(blocks), blocks };
}
