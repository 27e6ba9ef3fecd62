import { claimAccountByReference } from '../../accounts/claim-account-by-reference.ts';
import { refreshDigestMessages } from '../../digest/refresh-digest-messages.ts';
import { accountChoicesMessage } from '../blocks/account-choice-blocks.ts';
import { alreadyClaimedMessage } from '../blocks/claim-blocks.ts';
import { escapeMrkdwn } from '../blocks/text.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import { referenceProblem } from './account-command.ts';
import type { Subcommand } from './subcommand.ts';

/** `/winback claim <account>`: what the Claim button does, for the account the words name. */
export const runClaimCommand: Subcommand = async ({ rest, userId, client, deps, log, reply }) => {
  const problem = referenceProblem('claim', rest);
  if (problem) {
    await reply(subcommandUsage('claim', problem));
    return;
  }
  const result = await claimAccountByReference(deps.prisma, rest, userId);

  if (result.status === 'several' || result.status === 'none') {
    await reply(accountChoicesMessage(rest, result, 'claim'));
    return;
  }
  const name = `*${escapeMrkdwn(result.displayName)}*`;
  if (result.status === 'claimed') {
    await refreshDigestMessages(deps.prisma, client, result.accountId, log);
    await reply({ text: `You now own ${name}. Your Home tab shows it with its next step.` });
    return;
  }
  if (result.status === 'already_yours') {
    await reply({ text: `You already own ${name}.` });
    return;
  }
  await reply(alreadyClaimedMessage(result, await deps.roles.isManager(userId)));
};
