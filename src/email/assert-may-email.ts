import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import { nextWinbackAllowedAt } from '../domain/email/frequency-cap.ts';
import { WinbackError } from '../errors.ts';
import type { Account } from '../generated/prisma/client.ts';
import { escapeMrkdwn } from '../slack/blocks/text.ts';
import { SENT_STATUSES } from './claim-message.ts';

export interface Sender {
  userId: string;
  isManager: boolean;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Only the account's owner (its active claim) or a manager may email a customer. */
export async function assertMayEmail(prisma: PrismaClient, account: Account, sender: Sender): Promise<void> {
  if (sender.isManager) return;
  const claim = await prisma.claim.findUnique({ where: { activeAccountId: account.id } });
  if (claim?.ownerSlackId === sender.userId) return;
  const userMessage = claim
    ? `Only <@${claim.ownerSlackId}>, who owns *${escapeMrkdwn(displayNameOf(account))}*, or a manager can email them.`
    : `Claim *${escapeMrkdwn(displayNameOf(account))}* first: only an account's owner or a manager can email it.`;
  throw new WinbackError('not_allowed', `user ${sender.userId} may not email account ${account.id}`, { userMessage });
}

/** Refuses, saying why, an account winback must not email: no address, unsubscribed, or bounced. */
export function assertReachable(account: Account): asserts account is Account & { email: string } {
  const name = escapeMrkdwn(displayNameOf(account));
  let userMessage: string | undefined;
  if (!account.email) userMessage = `*${name}* has no email address in winback, so there is nowhere to send it.`;
  else if (account.unsubscribedAt || !account.emailConsent) {
    const since = account.unsubscribedAt ? ` on ${day(account.unsubscribedAt)}` : '';
    userMessage = `*${name}* unsubscribed${since}: winback does not email them any more.`;
  } else if (account.bouncedAt) {
    userMessage = `Email to *${name}* bounced on ${day(account.bouncedAt)}: check their address before writing again.`;
  }
  if (userMessage) throw new WinbackError('not_reachable', `account ${account.id} cannot be emailed`, { userMessage });
}

/** One win-back email per account per WINBACK_EMAIL_CAP_DAYS: a second is refused with the date it may go. */
export async function assertUnderCap(prisma: PrismaClient, account: Account, capDays: number, now: Date) {
  const last = await prisma.emailMessage.findFirst({
    where: { accountId: account.id, kind: 'winback', status: { in: [...SENT_STATUSES, 'queued'] } },
    orderBy: { scheduledFor: 'desc' },
    select: { sentAt: true, scheduledFor: true, status: true },
  });
  if (!last) return;
  if (last.status === 'queued') {
    throw new WinbackError('already_queued', `account ${account.id} has a queued win-back email`, {
      userMessage: `A win-back email to *${escapeMrkdwn(displayNameOf(account))}* is already waiting to go out.`,
    });
  }
  const allowed = nextWinbackAllowedAt(last.sentAt ?? last.scheduledFor, now, capDays);
  if (allowed <= now) return;
  throw new WinbackError('frequency_cap', `account ${account.id} was emailed within ${capDays} days`, {
    userMessage:
      `*${escapeMrkdwn(displayNameOf(account))}* got a win-back email on ${day(last.sentAt ?? last.scheduledFor)}; ` +
      `the next one can go from ${day(allowed)} (at most one every ${capDays} days).`,
  });
}
