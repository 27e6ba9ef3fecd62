import type { App } from '@slack/bolt';
import { z } from 'zod';
import { reassignAccount } from '../../claims/release-account.ts';
import { refreshDigestMessages } from '../../digest/refresh-digest-messages.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';

const reassignSchema = z.object({
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ block_id: z.string().regex(/^manage_claim:/), selected_user: z.string() })).min(1),
});

/** A manager picks someone in "Reassign to…": the claim moves to them. */
export function registerReassignAccountAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.reassignAccount, async ({ ack, body, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: ACTIONS.reassignAccount, userId: body.user.id });
    await safely(respond, log, async () => {
      const { user, actions } = reassignSchema.parse(body);
      const action = actions[0];
      const accountId = action?.block_id.slice('manage_claim:'.length) ?? '';
      const toUserId = action?.selected_user ?? '';
      const isManager = await deps.roles.isManager(user.id);
      await reassignAccount(deps.prisma, accountId, toUserId, { userId: user.id, isManager });

      await refreshDigestMessages(deps.prisma, client, accountId, log);
      await respond({ response_type: 'ephemeral', replace_original: false, text: `Reassigned to <@${toUserId}>.` });
    });
  });
}
