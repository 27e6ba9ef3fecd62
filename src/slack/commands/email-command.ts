import { findAccounts } from '../../accounts/find-accounts.ts';
import { emailChoicesMessage } from '../blocks/email-choice-blocks.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import { openSendEmailModal } from '../views/send-email-open.ts';
import { referenceProblem } from './account-command.ts';
import type { Subcommand } from './subcommand.ts';

const TEMPLATE = /^winback_[a-z_]+$/;

/**
 * `/winback email <account> [template]`: the send-email modal with the account's win-back email
 * rendered (the churn reason's template unless one is named last), or the choices when several match.
 */
export const runEmailCommand: Subcommand = async ({ args, deps, client, reply, triggerId, userId }) => {
  const last = args.at(-1) ?? '';
  const template = TEMPLATE.test(last) ? last : undefined;
  const reference = (template ? args.slice(0, -1) : args).join(' ');
  const problem = referenceProblem('email', reference);
  if (problem) {
    await reply(subcommandUsage('email', problem));
    return;
  }
  const match = await findAccounts(deps.prisma, reference);
  if (match.status !== 'one') {
    await reply(emailChoicesMessage(reference, match));
    return;
  }
  await openSendEmailModal(client, deps, { accountId: match.account.id, template, userId, channelId: null, triggerId });
};
