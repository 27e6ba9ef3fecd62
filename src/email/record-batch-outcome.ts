import { recordAudit } from '../audit/record-audit.ts';
import type { EmailDeps } from './email-deps.ts';
import { MAX_SEND_ATTEMPTS, retryDelaySeconds } from './record-send-outcome.ts';
import type { ClaimedRow } from './send-email-batch.ts';
import { enqueueEmailBatch } from './send-jobs.ts';
import type { SendOutcome } from './sendgrid-mailer.ts';

/**
 * What SendGrid answered for a whole batch, written to every message in it. SendGrid answers one
 * X-Message-Id per request; events find each message by its own id in custom_args.
 */
export async function recordBatchOutcome(
  deps: EmailDeps,
  group: { template: string; variant: string | null },
  rows: ClaimedRow[],
  outcome: SendOutcome,
  now: Date,
) {
  const ids = rows.map((row) => row.id);
  const where = { id: { in: ids }, status: 'sending' as const };
  const log = deps.logger.child({ batchSize: rows.length, outcome: outcome.status });

  if (outcome.status === 'accepted') {
    await deps.prisma.$transaction(async (tx) => {
      await tx.emailMessage.updateMany({
        where,
        data: { status: 'sent', sentAt: now, providerBatchId: outcome.messageId, lastError: null },
      });
      const offerIds = rows.flatMap((row) => (row.offerId ? [row.offerId] : []));
      if (offerIds.length > 0) {
        await tx.offer.updateMany({ where: { id: { in: offerIds }, status: 'approved' }, data: { status: 'sent' } });
      }
      await recordAudit(tx, {
        actor: 'system:email',
        action: 'email.batch_sent',
        entityType: 'email_batch',
        entityId: outcome.messageId ?? ids[0] ?? '',
        after: { count: ids.length },
      });
    });
    log.debug({ providerBatchId: outcome.messageId }, 'email batch sent');
    return;
  }

  const attempts = rows[0]?.attempts ?? 1;
  if (outcome.status === 'retry' && attempts < MAX_SEND_ATTEMPTS) {
    const at = new Date(now.getTime() + retryDelaySeconds(attempts, outcome.retryAfterSeconds) * 1000);
    const lastError = `SendGrid asked us to wait: ${outcome.error}`;
    await deps.prisma.emailMessage.updateMany({ where, data: { status: 'queued', scheduledFor: at, lastError } });
    await enqueueEmailBatch(deps.boss, group, { startAfter: at });
    log.warn({ retryAt: at.toISOString() }, 'email batch will be retried');
    return;
  }

  const status = outcome.status === 'unknown' ? ('needs_review' as const) : ('failed' as const);
  const lastError = outcome.status === 'unknown' ? `no answer from SendGrid (${outcome.error})` : outcome.error;
  await deps.prisma.emailMessage.updateMany({ where, data: { status, lastError } });
  // SendGrid's message can quote an address: it goes to the rows, not to the log.
  log.error('email batch not sent');
}
