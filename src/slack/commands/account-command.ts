import { lookUpAccount } from '../../accounts/look-up-account.ts';
import { accountCardBlocks } from '../blocks/account-card-blocks.ts';
import { accountChoicesMessage } from '../blocks/account-choice-blocks.ts';
import { plainTextOf } from '../blocks/plain-text.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import { MAX_REFERENCE, type Subcommand } from './subcommand.ts';

/** Why a typed account reference cannot be looked up, or null when it can. */
export function referenceProblem(subcommand: string, reference: string): string | null {
  if (reference === '') return `\`${subcommand}\` needs an account: a name, an email or an id.`;
  if (reference.length > MAX_REFERENCE) {
    return `that is too long for an account's name, email or id (${MAX_REFERENCE} characters at most).`;
  }
  return null;
}

/** `/winback account <name|email|id>`: the account's card, or the choices when several match. */
export const runAccountCommand: Subcommand = async ({ rest, deps, reply }) => {
  const problem = referenceProblem('account', rest);
  if (problem) {
    await reply(subcommandUsage('account', problem));
    return;
  }
  const result = await lookUpAccount(deps.prisma, rest);
  if (result.status !== 'found') {
    await reply(accountChoicesMessage(rest, result, 'account'));
    return;
  }
  const blocks = accountCardBlocks(result.card);
  await reply({ text: plainTextOf(blocks), blocks });
};
