import type { App } from '@slack/bolt';
import { z } from 'zod';
import { prepareRejection } from '../../approvals/prepare-rejection.ts';
import { tooLateText } from '../blocks/approval-blocks.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { clickSchema, openModal, replyToClick } from '../views/open-modal.ts';
import { rejectOfferModal } from '../views/reject-offer-modal.ts';
import { encodeViewMetadata } from '../views/view-metadata.ts';

const offerId = z.uuid();

/** Reject, on an approval request: a modal asks the manager why, for the proposer. */
export function registerRejectOfferAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.rejectOffer, async ({ ack, body, client, respond }) => {
    await ack();
    const click = clickSchema.parse(body);
    const log = deps.logger.child({ action: ACTIONS.rejectOffer, userId: click.user.id });
    const reply = replyToClick(client, click, respond);
    await safely(reply, log, async () => {
      const { status, card } = await prepareRejection(deps, offerId.parse(click.actions[0]?.value), click.user.id);

      if (status === 'too_late') {
        await reply({ response_type: 'ephemeral', replace_original: false, text: tooLateText(card) });
        return;
      }
      const metadata = encodeViewMetadata({ offerId: card.offerId, responseUrl: click.response_url });
      await openModal(client, click, rejectOfferModal(card, metadata));
    });
  });
}
