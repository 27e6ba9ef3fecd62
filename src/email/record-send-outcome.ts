import { recordAudit } from '../audit/record-audit.ts';
import type { EmailMessage } from '../generated/prisma/client.ts';
import type { EmailDeps } from './email-deps.ts';
import { notifyAccount } from './notify-account.ts';
import { enqueueEmailSend } from './send-jobs.ts';
import type { SendOutcome } from './sendgrid-mailer.ts';

export const MAX_SEND_ATTEMPTS = 8;

/** Seconds before the next attempt: SendGrid's Retry-After when it gave one, else 30 s doubling, at most 1 h. */
export function retryDelaySeconds(attempts: number, retryAfter: number | null): number {
  if (retryAfter !== null) return Math.max(1, retryAfter);
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

type Message = Pick<
  EmailMessage,
  'id' | 'accountId' | 'attempts' | 'subject' | 'offerId' | 'kind' | 'createdBySlackId' | 'slackChannelId'
>;

const quote = (subject: string) => `“${subject.length > 80 ? `${subject.slice(0, 79)}…` : subject}”`;

/**
 * Writes what SendGrid answered, each write conditional on the message still being `sending` (or
 * `needs_review`, when a sweep got there first but SendGrid's answer arrived after all).
 */
export type RecordedOutcome = 'sent' | 'retrying' | 'needs_review' | 'failed';

export async function recordSendOutcome(
  deps: EmailDeps,
  message: Message,
  outcome: SendOutcome,
  now = new Date(),
): Promise<RecordedOutcome> {
  const where = { id: message.id, status: { in: ['sending' as const, 'needs_review' as const] } };
  const target = {
    accountId: message.accountId,
    senderSlackId: message.createdBySlackId,
    slackChannelId: message.slackChannelId,
  };
  const log = deps.logger.child({ messageId: message.id, accountId: message.accountId, outcome: outcome.status });

  if (outcome.status === 'accepted') {
    await deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.emailMessage.updateMany({
        where,
        data: { status: 'sent', sentAt: now, providerMessageId: outcome.messageId, lastError: null },
      });
      if (count === 0) return;
      if (message.offerId) {
        await tx.offer.updateMany({ where: { id: message.offerId, status: 'approved' }, data: { status: 'sent' } });
      }
      await recordAudit(tx, {
        actor: 'system:email',
        action: 'email.sent',
        entityType: 'email_message',
        entityId: message.id,
      });
    });
    log.info('email sent');
    await notifyAccount(deps, { accountId: message.accountId }, `Email sent: ${quote(message.subject)}.`, {
      threadOnly: true,
    });
    return 'sent';
  }

  if (outcome.status === 'retry' && message.attempts < MAX_SEND_ATTEMPTS) {
    const at = new Date(now.getTime() + retryDelaySeconds(message.attempts, outcome.retryAfterSeconds) * 1000);
    await deps.prisma.$transaction(async (tx) => {
      const { count } = await tx.emailMessage.updateMany({
        where: { id: message.id, status: 'sending' },
        data: { status: 'queued', scheduledFor: at, lastError: `SendGrid asked us to wait: ${outcome.error}` },
      });
      if (count === 1) await enqueueEmailSend(deps.boss, message.id, at, tx);
    });
    log.warn({ retryAt: at.toISOString(), attempts: message.attempts }, 'email send will be retried');
    return 'retrying';
  }

  if (outcome.status === 'unknown') {
    await deps.prisma.emailMessage.updateMany({
      where,
      data: { status: 'needs_review', lastError: `no answer from SendGrid (${outcome.error})` },
    });
    log.error('email send has no known result');
    const text =
      `Email ${quote(message.subject)} may or may not have gone out: SendGrid did not answer. ` +
      "Check SendGrid's activity feed before sending it again.";
    await notifyAccount(deps, target, text);
    return 'needs_review';
  }

  const error =
    outcome.status === 'retry' ? `gave up after ${message.attempts} tries: ${outcome.error}` : outcome.error;
  await deps.prisma.emailMessage.updateMany({ where, data: { status: 'failed', lastError: error } });
  log.warn('email send failed');
  await notifyAccount(deps, target, `Email ${quote(message.subject)} was not sent. SendGrid said: ${error}`);
  return 'failed';
}
