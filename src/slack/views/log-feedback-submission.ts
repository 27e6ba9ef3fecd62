import type { App } from '@slack/bolt';
import { logFeedback } from '../../feedback/log-feedback.ts';
import { feedbackLoggedMessage } from '../blocks/feedback-blocks.ts';
import { VIEWS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { parseFeedbackView } from './feedback-view-schema.ts';
import { replyAfterView } from './reply-after-view.ts';

/** The feedback modal's Save: field errors keep it open; otherwise it closes and the feedback is logged. */
export function registerLogFeedbackSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEWS.logFeedback, async ({ ack, body, view, client }) => {
    const parsed = parseFeedbackView(view);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    await ack();

    const userId = body.user.id;
    const log = deps.logger.child({ view: VIEWS.logFeedback, userId, accountId: parsed.input.accountId });
    const reply = replyAfterView(client, userId, parsed.metadata.responseUrl);
    await safely(reply, log, async () => {
      const logged = await logFeedback(deps, client, parsed.input, userId);
      await reply(feedbackLoggedMessage(logged.displayName, parsed.input.reason, logged.noted));
    });
  });
}
