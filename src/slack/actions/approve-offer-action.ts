import type { App } from '@slack/bolt';
import { z } from 'zod';
import { decideOffer } from '../../approvals/decide-offer.ts';
import { tooLateText } from '../blocks/approval-blocks.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { clickSchema, replyToClick } from '../views/open-modal.ts';

const offerId = z.uuid();

/** Approve, on an approval request: a manager other than the proposer approves; a late click learns who did. */
export function registerApproveOfferAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.approveOffer, async ({ ack, body, client, respond }) => {
    await ack();
    const click = clickSchema.parse(body);
    const log = deps.logger.child({ action: ACTIONS.approveOffer, userId: click.user.id });
    const reply = replyToClick(client, click, respond);
    await safely(reply, log, async () => {
      const input = { offerId: offerId.parse(click.actions[0]?.value), deciderSlackId: click.user.id, reason: null };
      const result = await decideOffer(deps, client, { ...input, decision: 'approved' });

      if (result.status === 'too_late') {
        await reply({ response_type: 'ephemeral', replace_original: false, text: tooLateText(result.card) });
      }
    });
  });
}
