import type { App } from '@slack/bolt';
import { z } from 'zod';
import { queueWinbackEmail } from '../../email/queue-winback-email.ts';
import { isWinbackError } from '../../errors.ts';
import { emailQueuedText } from '../blocks/email-preview-blocks.ts';
import { VIEWS } from '../ids.ts';
import type { SlackDeps } from '../slack-deps.ts';
import { emailQueuedModal, MAX_BODY, MAX_SUBJECT, SEND_EMAIL_FIELDS } from './send-email-modal.ts';
import { emailDepsOrRefuse, sendEmailMetadataSchema } from './send-email-open.ts';
import { readViewValues, viewErrors } from './view-state.ts';

const fieldsSchema = z.object({
  [SEND_EMAIL_FIELDS.subject]: z
    .string({ error: 'The email needs a subject.' })
    .trim()
    .min(1, 'The email needs a subject.')
    .max(MAX_SUBJECT, `At most ${MAX_SUBJECT} characters.`)
    .refine((value) => !/[\r\n]/.test(value), 'A subject is one line.'),
  [SEND_EMAIL_FIELDS.body]: z
    .string({ error: 'The email needs some text.' })
    .trim()
    .min(1, 'The email needs some text.')
    .max(MAX_BODY, `At most ${MAX_BODY} characters.`),
  [SEND_EMAIL_FIELDS.signature]: z.string().trim().max(100).default(''),
});

/**
 * Send in the send-email modal: field problems keep it open beside the field; a refusal (no longer
 * the owner, unsubscribed meanwhile, cap) or the confirmation replaces the modal's content.
 */
export function registerSendEmailSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEWS.sendEmail, async ({ ack, body, view }) => {
    const userId = body.user.id;
    const log = deps.logger.child({ view: VIEWS.sendEmail, userId });
    const fields = fieldsSchema.safeParse(readViewValues(view));
    if (!fields.success) {
      await ack({ response_action: 'errors', errors: viewErrors(fields.error) });
      return;
    }
    try {
      const metadata = sendEmailMetadataSchema.parse(JSON.parse(view.private_metadata || '{}'));
      const email = emailDepsOrRefuse(deps);
      const sender = { userId, isManager: await deps.roles.isManager(userId) };
      const queued = await queueWinbackEmail(deps.prisma, email, sender, {
        accountId: metadata.accountId,
        template: metadata.template,
        previewRepName: metadata.repName,
        repName: fields.data.signature || metadata.repName,
        subject: fields.data.subject,
        text: fields.data.body,
        viewId: view.id,
        slackChannelId: metadata.channelId,
      });
      log.info({ accountId: metadata.accountId, messageId: queued.messageId, edited: queued.edited }, 'email queued');
      await ack({
        response_action: 'update',
        view: emailQueuedModal(emailQueuedText(queued.draft, queued.scheduledFor, new Date())),
      });
    } catch (error) {
      const known = isWinbackError(error) && error.userMessage;
      if (!known) log.error({ err: error }, 'send email failed');
      const text = known
        ? (error.userMessage ?? '')
        : 'Sorry, that did not work, and nothing was sent. Please try again.';
      await ack({ response_action: 'update', view: emailQueuedModal(text) });
    }
  });
}
