import type { App } from '@slack/bolt';
import { z } from 'zod';
import { previewOffer } from '../../offers/preview-offer.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { OFFER_BLOCKS, offerModal } from './offer-modal.ts';
import { readOfferView } from './offer-view-schema.ts';
import { replyAfterView } from './reply-after-view.ts';

const changeSchema = z.object({
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ block_id: z.string() })).min(1),
  view: z.object({ id: z.string(), private_metadata: z.string(), state: z.unknown() }),
});

/**
 * The offer modal's type changed, or Enter was pressed in one of its numbers: the modal is rebuilt
 * with that type's fields and the cost recomputed. Slack keeps what was typed in unchanged inputs.
 */
export function registerOfferModalChanged(app: App, deps: SlackDeps): void {
  app.action({ type: 'block_actions', action_id: ACTIONS.offerField }, async ({ ack, body, client }) => {
    await ack();
    const { user, actions, view } = changeSchema.parse(body);
    const read = readOfferView(view);
    if (!read.ok) return;

    const log = deps.logger.child({ action: ACTIONS.offerField, userId: user.id, accountId: read.offer.accountId });
    await safely(replyAfterView(client, user.id, read.offer.responseUrl), log, async () => {
      const preview = await previewOffer(deps, {
        accountId: read.offer.accountId,
        userId: user.id,
        draft: read.offer.draft,
        typeChanged: actions[0]?.block_id === OFFER_BLOCKS.type,
      });
      await client.views.update({ view_id: view.id, view: offerModal(preview, view.private_metadata) });
    });
  });
}
