import type { App } from '@slack/bolt';
import { z } from 'zod';
import { claimAccount } from '../../claims/claim-account.ts';
import { refreshDigestMessages } from '../../digest/refresh-digest-messages.ts';
import { alreadyClaimedMessage } from '../blocks/claim-blocks.ts';
import { escapeMrkdwn } from '../blocks/text.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';

export const buttonActionSchema = z.object({
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ value: z.uuid() })).min(1),
});

/** The Claim button: the clicker becomes the owner, or learns who is. */
export function registerClaimAccountAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.claimAccount, async ({ ack, body, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: ACTIONS.claimAccount, userId: body.user.id });
    await safely(respond, log, async () => {
      const { user, actions } = buttonActionSchema.parse(body);
      const accountId = actions[0]?.value ?? '';
      const result = await claimAccount(deps.prisma, accountId, user.id);

      if (result.status === 'claimed') {
        await refreshDigestMessages(deps.prisma, client, accountId, log);
        return;
      }
      if (result.status === 'already_yours') {
        const text = `You already own *${escapeMrkdwn(result.displayName)}*.`;
        await respond({ response_type: 'ephemeral', replace_original: false, text });
        return;
      }
      const message = alreadyClaimedMessage(result, await deps.roles.isManager(user.id));
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    });
  });
}
