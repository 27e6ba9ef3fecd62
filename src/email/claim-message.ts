import { nextWinbackAllowedAt } from '../domain/email/frequency-cap.ts';
import { nextSendableTime } from '../domain/email/quiet-hours.ts';
import { whyNotSendable } from '../domain/email/send-eligibility.ts';
import type { EmailMessage, Prisma } from '../generated/prisma/client.ts';
import type { EmailDeps } from './email-deps.ts';
import { emailSendJob, enqueueEmailSend } from './send-jobs.ts';

// A send job expires after this long; `sending` younger than it may still be in progress elsewhere.
const IN_FLIGHT_MS = emailSendJob.options.expireInSeconds * 1000;

export type ClaimOutcome =
  | { status: 'claimed'; message: EmailMessage }
  /** Already sent, cancelled, failed or gone: nothing to do. */
  | { status: 'not_queued' }
  /** Found in `sending` longer than a job lives: an earlier attempt died, maybe after reaching SendGrid. */
  | { status: 'needs_review'; message: EmailMessage }
  | { status: 'cancelled'; reason: string; message: EmailMessage }
  | { status: 'deferred'; until: Date; reason: 'not_due' | 'quiet_hours' | 'frequency_cap' };

// Statuses that mean "went to SendGrid": they count against the frequency cap.
export const SENT_STATUSES = [
  'sending',
  'sent',
  'processed',
  'delivered',
  'opened',
  'clicked',
  'bounced',
  'dropped',
  'spam_reported',
  'unsubscribed',
  'needs_review',
] as const;

/** When the account's newest win-back email went out; one still in flight counts from its last change. */
async function lastWinbackSentAt(tx: Prisma.TransactionClient, accountId: string, exceptId: string) {
  const others = { accountId, kind: 'winback' as const, id: { not: exceptId } };
  const sent = await tx.emailMessage.aggregate({ where: { ...others, sentAt: { not: null } }, _max: { sentAt: true } });
  const inFlight = await tx.emailMessage.aggregate({
    where: { ...others, status: { in: ['sending', 'needs_review'] } },
    _max: { updatedAt: true },
  });
  const times = [sent._max.sentAt, inFlight._max.updatedAt].filter((at): at is Date => at !== null);
  return times.length > 0 ? new Date(Math.max(...times.map((at) => at.getTime()))) : null;
}

async function defer(deps: EmailDeps, tx: Prisma.TransactionClient, id: string, until: Date) {
  await tx.emailMessage.updateMany({ where: { id, status: 'queued' }, data: { scheduledFor: until } });
  await enqueueEmailSend(deps.boss, id, until, tx);
}

/**
 * Takes one queued message for sending, or says why not. Runs with the account's row locked, so two
 * workers sending two win-back emails to one account cannot both pass the frequency cap; the final
 * conditional update (queued → sending) is what makes the claim atomic.
 */
export function claimMessage(deps: EmailDeps, messageId: string, now = new Date()): Promise<ClaimOutcome> {
  const { settings } = deps;
  return deps.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT a.id FROM "Account" a JOIN "EmailMessage" m ON m."accountId" = a.id
      WHERE m.id = ${messageId}::uuid FOR UPDATE OF a`;
    const message = await tx.emailMessage.findUnique({
      where: { id: messageId },
      include: { account: true, paymentFailure: { select: { status: true } }, checkout: { select: { status: true } } },
    });
    if (!message) return { status: 'not_queued' };
    const { account, paymentFailure, checkout, ...row } = message;

    if (row.status === 'sending') {
      // Fresh: another worker is mid-send (a duplicate job); only one left behind by a dead worker is reviewed.
      if (now.getTime() - row.updatedAt.getTime() < IN_FLIGHT_MS) return { status: 'not_queued' };
      const { count } = await tx.emailMessage.updateMany({
        where: { id: messageId, status: 'sending' },
        data: { status: 'needs_review', lastError: 'a send was interrupted before its result was recorded' },
      });
      return count === 1 ? { status: 'needs_review', message: row } : { status: 'not_queued' };
    }
    if (row.status !== 'queued') return { status: 'not_queued' };

    const reason = whyNotSendable({ account, paymentFailure, checkout });
    if (reason) {
      await tx.emailMessage.updateMany({
        where: { id: messageId, status: 'queued' },
        data: { status: 'cancelled', lastError: `not sent: ${reason}` },
      });
      return { status: 'cancelled', reason, message: row };
    }
    if (row.scheduledFor > now) {
      await enqueueEmailSend(deps.boss, messageId, row.scheduledFor, tx);
      return { status: 'deferred', until: row.scheduledFor, reason: 'not_due' };
    }

    const quiet = settings.WINBACK_EMAIL_QUIET_HOURS;
    const sendable = nextSendableTime(now, account.timezone, quiet, settings.WINBACK_TIMEZONE);
    if (sendable > now) {
      await defer(deps, tx, messageId, sendable);
      return { status: 'deferred', until: sendable, reason: 'quiet_hours' };
    }
    if (row.kind === 'winback') {
      const last = await lastWinbackSentAt(tx, account.id, messageId);
      const allowed = nextWinbackAllowedAt(last, now, settings.WINBACK_EMAIL_CAP_DAYS);
      if (allowed > now) {
        await defer(deps, tx, messageId, allowed);
        return { status: 'deferred', until: allowed, reason: 'frequency_cap' };
      }
    }

    const { count } = await tx.emailMessage.updateMany({
      where: { id: messageId, status: 'queued' },
      data: { status: 'sending', attempts: { increment: 1 } },
    });
    if (count === 0) return { status: 'not_queued' };
    return { status: 'claimed', message: { ...row, status: 'sending', attempts: row.attempts + 1 } };
  });
}
