import type { App } from '@slack/bolt';
import { releaseAccount } from '../../claims/release-account.ts';
import { refreshDigestMessages } from '../../digest/refresh-digest-messages.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { buttonActionSchema } from './claim-account-action.ts';

/** Release: the owner or a manager hands the account back to the team. */
export function registerReleaseAccountAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.releaseAccount, async ({ ack, body, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: ACTIONS.releaseAccount, userId: body.user.id });
    await safely(respond, log, async () => {
      const { user, actions } = buttonActionSchema.parse(body);
      const accountId = actions[0]?.value ?? '';
      const isManager = await deps.roles.isManager(user.id);
      const result = await releaseAccount(deps.prisma, accountId, { userId: user.id, isManager });

      if (result.status === 'released') await refreshDigestMessages(deps.prisma, client, accountId, log);
      const text =
        result.status === 'released' ? 'Released: anyone can claim it now.' : 'Nobody owns that account now.';
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    });
  });
}
