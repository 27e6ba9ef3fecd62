import { findAccounts } from '../../accounts/find-accounts.ts';
import { loadFeedbackTarget } from '../../feedback/load-feedback-target.ts';
import { feedbackChoicesMessage } from '../blocks/feedback-blocks.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import { feedbackModal } from '../views/feedback-modal.ts';
import { encodeViewMetadata } from '../views/view-metadata.ts';
import { referenceProblem } from './account-command.ts';
import type { Subcommand } from './subcommand.ts';

/**
 * `/winback feedback <account>`: the feedback modal for the account the reference names (found as
 * `/winback account` finds it), or the choices, each with its Log feedback button.
 */
export const runFeedbackCommand: Subcommand = async ({ rest, deps, client, reply, triggerId, responseUrl }) => {
  const problem = referenceProblem('feedback', rest);
  if (problem) {
    await reply(subcommandUsage('feedback', problem));
    return;
  }
  const match = await findAccounts(deps.prisma, rest);
  if (match.status !== 'one') {
    await reply(feedbackChoicesMessage(rest, match));
    return;
  }
  const target = await loadFeedbackTarget(deps.prisma, match.account.id);
  const metadata = encodeViewMetadata({ accountId: target.accountId, responseUrl: responseUrl || undefined });
  await client.views.open({ trigger_id: triggerId, view: feedbackModal(target, metadata) });
};
