import type { App } from '@slack/bolt';
import { z } from 'zod';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { clickSchema, replyToClick } from '../views/open-modal.ts';
import { openSendEmailModal } from '../views/send-email-open.ts';

const sendEmailClickSchema = clickSchema.extend({
  user: z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional() }),
  channel: z.object({ id: z.string() }).optional(),
});

/** "Send email" on an account (card, modal, Home tab): the preview modal, or why it cannot be sent. */
export function registerSendEmailAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.sendEmail, async ({ ack, body, client, respond }) => {
    await ack();
    const log = deps.logger.child({ action: ACTIONS.sendEmail, userId: body.user.id });
    const click = sendEmailClickSchema.parse(body);
    await safely(replyToClick(client, click, respond), log, async () => {
      await openSendEmailModal(client, deps, {
        accountId: z.uuid().parse(click.actions[0]?.value),
        userId: click.user.id,
        userName: click.user.name ?? click.user.username,
        channelId: click.channel?.id ?? null,
        triggerId: click.trigger_id,
        push: click.view?.type === 'modal',
      });
    });
  });
}
