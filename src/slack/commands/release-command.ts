import { releaseAccountByReference } from '../../accounts/release-account-by-reference.ts';
import { refreshDigestMessages } from '../../digest/refresh-digest-messages.ts';
import { accountChoicesMessage } from '../blocks/account-choice-blocks.ts';
import { escapeMrkdwn } from '../blocks/text.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import { referenceProblem } from './account-command.ts';
import type { Subcommand } from './subcommand.ts';

/** `/winback release <account>`: what the Release button does, for the account the words name. */
export const runReleaseCommand: Subcommand = async ({ rest, userId, client, deps, log, reply }) => {
  const problem = referenceProblem('release', rest);
  if (problem) {
    await reply(subcommandUsage('release', problem));
    return;
  }
  const isManager = await deps.roles.isManager(userId);
  const result = await releaseAccountByReference(deps.prisma, rest, { userId, isManager });

  if (result.status === 'several' || result.status === 'none') {
    await reply(accountChoicesMessage(rest, result, 'release'));
    return;
  }
  const name = `*${escapeMrkdwn(result.displayName)}*`;
  if (result.status === 'not_claimed') {
    await reply({ text: `Nobody owns ${name} now.` });
    return;
  }
  await refreshDigestMessages(deps.prisma, client, result.accountId, log);
  await reply({ text: `Released ${name}: anyone can claim it now.` });
};
