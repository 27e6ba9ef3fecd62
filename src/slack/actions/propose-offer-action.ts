import type { App } from '@slack/bolt';
import { z } from 'zod';
import { previewOffer } from '../../offers/preview-offer.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { offerModal } from '../views/offer-modal.ts';
import { clickSchema, openModal, replyToClick } from '../views/open-modal.ts';
import { encodeViewMetadata } from '../views/view-metadata.ts';

const accountId = z.uuid();

/** "Propose offer" on a digest item or an account: the offer modal, prefilled from the playbook. */
export function registerProposeOfferAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.proposeOffer, async ({ ack, body, client, respond }) => {
    await ack();
    const click = clickSchema.parse(body);
    const log = deps.logger.child({ action: ACTIONS.proposeOffer, userId: click.user.id });
    await safely(replyToClick(client, click, respond), log, async () => {
      const preview = await previewOffer(deps, {
        accountId: accountId.parse(click.actions[0]?.value),
        userId: click.user.id,
      });
      const metadata = encodeViewMetadata({ accountId: preview.account.id, responseUrl: click.response_url });
      await openModal(client, click, offerModal(preview, metadata));
    });
  });
}
