import type { PrismaClient } from '../db/prisma.ts';
import { textToHtml } from '../domain/email/escape-html.ts';
import { nextSendableTime } from '../domain/email/quiet-hours.ts';
import type { Sender } from './assert-may-email.ts';
import type { SlackEmailDeps } from './email-deps.ts';
import { type EmailDraft, prepareWinbackEmail } from './prepare-winback-email.ts';
import { queueEmail } from './queue-email.ts';

export interface WinbackSubmission {
  accountId: string;
  template: string;
  /** The signature the preview was rendered with, and the one submitted. */
  previewRepName: string;
  repName: string;
  subject: string;
  text: string;
  /** The submitted view's id: Slack submits a view once, so it keys the email. */
  viewId: string;
  slackChannelId: string | null;
}

export interface QueuedWinback {
  messageId: string;
  draft: EmailDraft;
  scheduledFor: Date;
  edited: boolean;
  status: 'queued' | 'exists';
}

const same = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Queues what the sender confirmed. Every check runs again (the claim, consent or cap may have changed
 * while the modal was open). Text left as previewed keeps the template's HTML and merge values; edited
 * text is sent as written, its HTML built from it.
 */
export async function queueWinbackEmail(
  prisma: PrismaClient,
  email: SlackEmailDeps,
  sender: Sender,
  submission: WinbackSubmission,
  now = new Date(),
): Promise<QueuedWinback> {
  const request = { accountId: submission.accountId, template: submission.template };
  const previewed = await prepareWinbackEmail(
    prisma,
    email,
    sender,
    { ...request, repName: submission.previewRepName },
    now,
  );
  const edited = !same(previewed.text, submission.text) || !same(previewed.subject, submission.subject);
  const draft = edited
    ? previewed
    : await prepareWinbackEmail(prisma, email, sender, { ...request, repName: submission.repName }, now);

  const { WINBACK_EMAIL_QUIET_HOURS: quiet, WINBACK_TIMEZONE: zone } = email.settings;
  const scheduledFor = nextSendableTime(now, draft.timezone, quiet, zone);
  const result = await queueEmail(prisma, email.boss, {
    idempotencyKey: `slack:${submission.viewId}`,
    accountId: draft.accountId,
    kind: 'winback',
    template: draft.template,
    variant: draft.variant,
    toEmail: draft.toEmail,
    subject: edited ? submission.subject.trim() : draft.subject,
    text: edited ? submission.text.trim() : draft.text,
    html: edited ? textToHtml(submission.text) : draft.html,
    mergeValues: edited ? null : draft.mergeValues,
    scheduledFor,
    offerId: draft.offerId,
    createdBySlackId: sender.userId,
    slackChannelId: submission.slackChannelId,
  });
  return { messageId: result.messageId, draft, scheduledFor, edited, status: result.status };
}
