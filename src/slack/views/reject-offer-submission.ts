import type { App } from '@slack/bolt';
import { z } from 'zod';
import { decideOffer } from '../../approvals/decide-offer.ts';
import { tooLateText } from '../blocks/approval-blocks.ts';
import { VIEWS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { MAX_REASON, REJECT_BLOCKS } from './reject-offer-modal.ts';
import { replyAfterView } from './reply-after-view.ts';
import { decodeViewMetadata } from './view-metadata.ts';
import { readViewValues, viewErrors } from './view-state.ts';

const rejectionSchema = z.object({
  [REJECT_BLOCKS.reason]: z
    .string({ error: 'Say why, for the proposer.' })
    .trim()
    .min(1, 'Say why, for the proposer.')
    .max(MAX_REASON, `Keep it under ${MAX_REASON} characters.`),
});

/** The reject modal's Reject: a reason is required; then the rejection is decided like an approval. */
export function registerRejectOfferSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEWS.rejectOffer, async ({ ack, body, view, client }) => {
    const parsed = rejectionSchema.safeParse(readViewValues(view));
    if (!parsed.success) {
      await ack({ response_action: 'errors', errors: viewErrors(parsed.error) });
      return;
    }
    await ack();

    const { offerId, responseUrl } = decodeViewMetadata(view.private_metadata);
    const userId = body.user.id;
    const log = deps.logger.child({ view: VIEWS.rejectOffer, userId, offerId });
    const reply = replyAfterView(client, userId, responseUrl);
    await safely(reply, log, async () => {
      const input = { offerId: z.uuid().parse(offerId), deciderSlackId: userId, reason: parsed.data.reason };
      const result = await decideOffer(deps, client, { ...input, decision: 'rejected' });

      if (result.status === 'too_late') await reply(tooLateText(result.card));
    });
  });
}
