import type { EmailDeps } from './email-deps.ts';
import { notifyAccount } from './notify-account.ts';
import { BULK_KEY_PREFIX } from './queue-email.ts';
import { enqueueEmailBatch } from './send-jobs.ts';

// A send that has not recorded its result after this long died mid-call (the job expires at 2 min).
const STUCK_AFTER_MS = 10 * 60_000;

/**
 * One minute's email housekeeping: a batch job for every bulk variant with messages now due (deferred
 * by quiet hours or a retry), and messages stuck in `sending` (a worker died between SendGrid's call
 * and recording its answer) become needs_review, told to their owner, never sent again on their own.
 */
export async function runEmailTick(deps: EmailDeps, now = new Date()): Promise<{ batches: number; stuck: number }> {
  const groups = await deps.prisma.emailMessage.groupBy({
    by: ['template', 'variant'],
    where: { status: 'queued', scheduledFor: { lte: now }, idempotencyKey: { startsWith: BULK_KEY_PREFIX } },
  });
  for (const group of groups) await enqueueEmailBatch(deps.boss, group);

  const stuck = await deps.prisma.emailMessage.findMany({
    where: { status: 'sending', updatedAt: { lt: new Date(now.getTime() - STUCK_AFTER_MS) } },
    select: { id: true, accountId: true, subject: true, createdBySlackId: true, slackChannelId: true },
    take: 500,
  });
  for (const message of stuck) {
    const { count } = await deps.prisma.emailMessage.updateMany({
      where: { id: message.id, status: 'sending' },
      data: { status: 'needs_review', lastError: 'a send was interrupted before its result was recorded' },
    });
    if (count === 0) continue;
    deps.logger.error({ messageId: message.id, accountId: message.accountId }, 'email found mid-send: needs review');
    const text =
      `Email “${message.subject}” was interrupted while sending, so it may or may not have gone out. ` +
      "Check SendGrid's activity feed before sending it again.";
    await notifyAccount(
      deps,
      { accountId: message.accountId, senderSlackId: message.createdBySlackId, slackChannelId: message.slackChannelId },
      text,
    );
  }
  return { batches: groups.length, stuck: stuck.length };
}
