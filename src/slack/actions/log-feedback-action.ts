import type { App } from '@slack/bolt';
import { z } from 'zod';
import { loadFeedbackTarget } from '../../feedback/load-feedback-target.ts';
import { ACTIONS } from '../ids.ts';
import { safely } from '../safe-handler.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { feedbackModal } from '../views/feedback-modal.ts';
import { clickSchema, openModal, replyToClick } from '../views/open-modal.ts';
import { encodeViewMetadata } from '../views/view-metadata.ts';

const accountId = z.uuid();

/** "Log feedback" on a digest item or an account: the feedback modal for that account. */
export function registerLogFeedbackAction(app: App, deps: SlackDeps): void {
  app.action(ACTIONS.logFeedback, async ({ ack, body, client, respond }) => {
    await ack();
    const click = clickSchema.parse(body);
    const log = deps.logger.child({ action: ACTIONS.logFeedback, userId: click.user.id });
    await safely(replyToClick(client, click, respond), log, async () => {
      const target = await loadFeedbackTarget(deps.prisma, accountId.parse(click.actions[0]?.value));
      const metadata = encodeViewMetadata({ accountId: target.accountId, responseUrl: click.response_url });
      await openModal(client, click, feedbackModal(target, metadata));
    });
  });
}
