import type { App } from '@slack/bolt';
import { announceOffer } from '../../offers/announce-offer.ts';
import { proposeOffer } from '../../offers/propose-offer.ts';
import { VIEWS } from '../ids.ts';
import { replyWithError, safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { readOfferView } from './offer-view-schema.ts';
import { replyAfterView } from './reply-after-view.ts';

/**
 * The offer modal's Propose. Slack wants the modal's answer within 3 seconds, and a refusal by the
 * guardrails belongs next to the field to change: so the offer is checked and recorded first, the
 * answer given, and only then the approval request and the proposer's reply go out.
 */
export function registerProposeOfferSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEWS.proposeOffer, async ({ ack, body, view, client }) => {
    const read = readOfferView(view);
    if (!read.ok) {
      await ack({ response_action: 'errors', errors: read.errors });
      return;
    }
    const userId = body.user.id;
    const log = deps.logger.child({ view: VIEWS.proposeOffer, userId, accountId: read.offer.accountId });
    const reply = replyAfterView(client, userId, read.offer.responseUrl);

    const input = { ...read.offer, proposerSlackId: userId };
    const result = await proposeOffer(deps, input).catch((error: unknown) => ({ status: 'failed' as const, error }));
    if (result.status === 'refused') {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    await ack();
    if (result.status === 'failed') {
      await replyWithError(reply, result.error, log);
      return;
    }
    await safely(reply, log, () => announceOffer(deps, client, result, reply));
  });
}
