import type PgBoss from 'pg-boss';
import { recordAudit } from '../audit/record-audit.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { EmailKind, Prisma } from '../generated/prisma/client.ts';
import { insertBulkRows } from './insert-bulk-rows.ts';
import { enqueueEmailBatch, enqueueEmailSend } from './send-jobs.ts';

export interface NewEmail {
  /** What makes this email once-only: a retry, a double click or a second instance writes nothing. */
  idempotencyKey: string;
  accountId: string;
  kind: EmailKind;
  template: string;
  variant: string | null;
  toEmail: string;
  subject: string;
  text: string;
  html: string;
  /** The values it was rendered with; null once a person edited the text. */
  mergeValues: Prisma.InputJsonValue | null;
  scheduledFor: Date;
  offerId?: string | null;
  paymentFailureId?: string | null;
  checkoutId?: string | null;
  cardExpiryId?: string | null;
  createdBySlackId?: string | null;
  slackChannelId?: string | null;
}

export type QueueResult = { status: 'queued' | 'exists'; messageId: string };

// Bulk messages go out through the batch job, never a per-message job; the key says which path owns a row.
export const BULK_KEY_PREFIX = 'bulk:';

function rowOf(email: NewEmail): Prisma.EmailMessageCreateManyInput {
  const { mergeValues, ...rest } = email;
  return { ...rest, ...(mergeValues !== null && { mergeValues }) };
}

/** Inserts unless the key exists; true when this call wrote the row. */
async function insertOnce(tx: Prisma.TransactionClient, email: NewEmail): Promise<boolean> {
  const { count } = await tx.emailMessage.createMany({ data: [rowOf(email)], skipDuplicates: true });
  return count === 1;
}

/** `queueEmail` inside a transaction the caller already holds, beside its own state change. */
export async function queueEmailInTransaction(
  tx: Prisma.TransactionClient,
  boss: PgBoss,
  email: NewEmail,
  actor = email.createdBySlackId ?? 'system:email',
): Promise<QueueResult> {
  if (email.idempotencyKey.startsWith(BULK_KEY_PREFIX)) throw new Error('bulk keys go through queueBulkEmails');
  const created = await insertOnce(tx, email);
  const row = await tx.emailMessage.findUniqueOrThrow({
    where: { idempotencyKey: email.idempotencyKey },
    select: { id: true },
  });
  if (!created) return { status: 'exists', messageId: row.id };

  await enqueueEmailSend(boss, row.id, email.scheduledFor, tx);
  await recordAudit(tx, {
    actor,
    action: 'email.queued',
    entityType: 'email_message',
    entityId: row.id,
    after: { accountId: email.accountId, template: email.template, variant: email.variant, kind: email.kind },
  });
  return { status: 'queued', messageId: row.id };
}

/**
 * Writes the outbox row first and its send job in the same transaction, so there is never a job
 * without a row nor a row without a job. The same key again returns the existing message.
 */
export function queueEmail(prisma: PrismaClient, boss: PgBoss, email: NewEmail, actor?: string) {
  return prisma.$transaction((tx) => queueEmailInTransaction(tx, boss, email, actor));
}

// One SendGrid request's worth per transaction: short transactions, and a crash loses at most a chunk's work.
const CHUNK = 1000;
const CHUNK_TIMEOUT_MS = 30_000;
const ANALYZE_AFTER_ROWS = 10_000;

/**
 * Many personalised emails at once (a campaign): rows in chunks, each chunk with one batch job per
 * template variant in its transaction. Keys must start with `bulk:`. Returns how many rows were new.
 */
export async function queueBulkEmails(prisma: PrismaClient, boss: PgBoss, emails: NewEmail[]): Promise<number> {
  let written = 0;
  for (let start = 0; start < emails.length; start += CHUNK) {
    const chunk = emails.slice(start, start + CHUNK);
    if (chunk.some((email) => !email.idempotencyKey.startsWith(BULK_KEY_PREFIX))) {
      throw new Error(`bulk idempotency keys start with ${BULK_KEY_PREFIX}`);
    }
    written += await prisma.$transaction(
      async (tx) => {
        const count = await insertBulkRows(tx, chunk);
        const groups = new Map(chunk.map((email) => [`${email.template}:${email.variant}`, email]));
        for (const email of groups.values()) {
          await enqueueEmailBatch(boss, { template: email.template, variant: email.variant }, { tx });
        }
        return count;
      },
      { timeout: CHUNK_TIMEOUT_MS },
    );
  }
  // The send jobs claim these rows at once, and autovacuum may not analyse the table for a minute: planned
  // on statistics from before a large batch, each claim walked every queued row per account.
  if (written >= ANALYZE_AFTER_ROWS) await prisma.$executeRawUnsafe('ANALYZE "EmailMessage"');
  return written;
}
