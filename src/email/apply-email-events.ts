import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { isHardBounce, nextStatus, withdrawsConsent } from '../domain/email/email-event-status.ts';
import type { EmailStatus, Prisma } from '../generated/prisma/client.ts';
import type { EmailDeps } from './email-deps.ts';

/** The fields winback reads from a SendGrid event; custom_args arrive as top-level keys. */
export const sendGridEventSchema = z.looseObject({
  event: z.string(),
  sg_event_id: z.string().min(1),
  sg_message_id: z.string().optional(),
  timestamp: z.number(),
  email: z.string().optional(),
  type: z.string().optional(),
  reason: z.string().optional(),
  winback_message_id: z.string().optional(),
  winback_account_id: z.string().optional(),
});

export type SendGridEvent = z.infer<typeof sendGridEventSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Tx = Prisma.TransactionClient;

async function findMessage(tx: Tx, event: SendGridEvent) {
  const select = { id: true, accountId: true, status: true, subject: true } as const;
  if (event.winback_message_id && UUID.test(event.winback_message_id)) {
    const byId = await tx.emailMessage.findUnique({ where: { id: event.winback_message_id }, select });
    if (byId) return byId;
  }
  // sg_message_id is the request's X-Message-Id followed by SendGrid's own suffix.
  const providerId = event.sg_message_id?.split('.')[0];
  if (!providerId) return null;
  return tx.emailMessage.findUnique({ where: { providerMessageId: providerId }, select });
}

/** Accounts the event is about: the message's, else the one named in custom_args, else by address. */
async function accountIdsOf(tx: Tx, event: SendGridEvent, messageAccountId: string | undefined) {
  if (messageAccountId) return [messageAccountId];
  if (event.winback_account_id && UUID.test(event.winback_account_id)) return [event.winback_account_id];
  if (!event.email) return [];
  const accounts = await tx.account.findMany({ where: { email: event.email }, select: { id: true } });
  return accounts.map((account) => account.id);
}

async function stopEmailsTo(tx: Tx, accountIds: string[], event: SendGridEvent, at: Date) {
  const consentOff = withdrawsConsent(event.event);
  const data = consentOff ? { emailConsent: false, unsubscribedAt: at } : { bouncedAt: at };
  const { count } = await tx.account.updateMany({ where: { id: { in: accountIds } }, data });
  const reason = consentOff
    ? `customer ${event.event === 'spamreport' ? 'reported spam' : 'unsubscribed'}`
    : 'address bounced';
  const cancelled = await tx.emailMessage.updateMany({
    where: { accountId: { in: accountIds }, status: 'queued' },
    data: { status: 'cancelled', lastError: `not sent: ${reason}` },
  });
  for (const accountId of accountIds) {
    await recordAudit(tx, {
      actor: 'system:sendgrid',
      action: consentOff ? 'email.consent_withdrawn' : 'email.address_bounced',
      entityType: 'account',
      entityId: accountId,
      after: { event: event.event, cancelledEmails: cancelled.count },
    });
  }
  return count;
}

export interface StatusChange {
  accountId: string;
  subject: string;
  status: EmailStatus;
}

/**
 * Applies one event once: its sg_event_id is stored first, and a redelivered event stops there. Moves
 * the message's status forward only; an unsubscribe or spam report turns the account's consent off
 * and cancels its queued emails; a hard bounce marks the address and does the same.
 */
async function applyEvent(tx: Tx, event: SendGridEvent): Promise<StatusChange | 'stored' | null> {
  const message = await findMessage(tx, event);
  const occurredAt = new Date(event.timestamp * 1000);
  const stored = await tx.emailEvent.createMany({
    data: [
      {
        providerEventId: event.sg_event_id,
        messageId: message?.id ?? null,
        type: event.event,
        occurredAt,
        payload: event as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  if (stored.count === 0) return null;

  if (withdrawsConsent(event.event) || isHardBounce(event)) {
    await stopEmailsTo(tx, await accountIdsOf(tx, event, message?.accountId), event, occurredAt);
  }
  if (!message) return 'stored';
  const status = nextStatus(message.status, event.event);
  if (!status) return 'stored';
  const { count } = await tx.emailMessage.updateMany({
    where: { id: message.id, status: message.status },
    data: { status },
  });
  return count === 1 ? { accountId: message.accountId, subject: message.subject, status } : 'stored';
}

const WORDS: Partial<Record<EmailStatus, string>> = {
  delivered: 'was delivered',
  opened: 'was opened',
  clicked: 'had a link clicked',
  bounced: 'bounced',
  dropped: 'was dropped by SendGrid',
  spam_reported: 'was reported as spam: no more email goes to this customer',
  unsubscribed: 'made the customer unsubscribe: no more email goes to them',
};

/** Notes each status change in the account's thread, where it has one ("processed" is too small to say). */
async function noteInThreads(deps: EmailDeps, changes: StatusChange[]) {
  for (const change of changes) {
    const words = WORDS[change.status];
    if (!words) continue;
    const account = await deps.prisma.account.findUnique({
      where: { id: change.accountId },
      select: { threadChannelId: true, threadTs: true },
    });
    if (!account?.threadChannelId || !account.threadTs) continue;
    await deps.slack.chat
      .postMessage({
        channel: account.threadChannelId,
        thread_ts: account.threadTs,
        text: `Email “${change.subject}” ${words}.`,
      })
      .catch((error: unknown) =>
        deps.logger.warn({ err: error, accountId: change.accountId }, 'could not note an email event'),
      );
  }
}

/** Every event of one webhook POST, each in its own transaction; returns how many were new. */
export async function applyEmailEvents(deps: EmailDeps, events: SendGridEvent[]): Promise<number> {
  const changes: StatusChange[] = [];
  let fresh = 0;
  for (const event of events) {
    const result = await deps.prisma.$transaction((tx) => applyEvent(tx, event));
    if (result === null) continue;
    fresh += 1;
    if (result !== 'stored') changes.push(result);
  }
  await noteInThreads(deps, changes);
  return fresh;
}
