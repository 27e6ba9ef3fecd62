import { claimMessage } from './claim-message.ts';
import type { EmailDeps } from './email-deps.ts';
import { singleMailData } from './mail-data.ts';
import { notifyAccount } from './notify-account.ts';
import { recordSendOutcome } from './record-send-outcome.ts';

export type SendResult = 'sent' | 'failed' | 'retrying' | 'needs_review' | 'cancelled' | 'deferred' | 'not_queued';

/**
 * The email-send job's work for one message: claim it (queued → sending), call SendGrid, record the
 * answer. A crash between the call and the record leaves `sending`; the retry then marks the
 * message needs_review and tells its owner, rather than risk a second email.
 */
export async function sendEmailMessage(deps: EmailDeps, messageId: string, now = new Date()): Promise<SendResult> {
  const claim = await claimMessage(deps, messageId, now);
  const target = (message: { accountId: string; createdBySlackId: string | null; slackChannelId: string | null }) => ({
    accountId: message.accountId,
    senderSlackId: message.createdBySlackId,
    slackChannelId: message.slackChannelId,
  });

  if (claim.status === 'needs_review') {
    deps.logger.error({ messageId, accountId: claim.message.accountId }, 'email found mid-send: needs review');
    const text =
      `Email “${claim.message.subject}” was interrupted while sending, so it may or may not have gone out. ` +
      "Check SendGrid's activity feed before sending it again.";
    await notifyAccount(deps, target(claim.message), text);
    return 'needs_review';
  }
  if (claim.status === 'cancelled') {
    // Reminders the system planned stop quietly (the dunning job notes why); a person's email is reported.
    if (claim.message.createdBySlackId)
      await notifyAccount(
        deps,
        target(claim.message),
        `Email “${claim.message.subject}” was not sent: ${claim.reason}.`,
      );
    return 'cancelled';
  }
  if (claim.status !== 'claimed') return claim.status;

  const outcome = await deps.mailer.send(singleMailData(claim.message, deps.settings));
  return recordSendOutcome(deps, claim.message, outcome);
}
