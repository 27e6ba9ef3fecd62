import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { transactionDb } from '../jobs/enqueue-in-transaction.ts';
import { QUEUES } from '../jobs/queues.ts';

/**
 * Sends one outbox message. Expiry is short: a worker that dies mid-send leaves the message in
 * `sending`, and the retry that follows the expiry finds it there and asks a person instead.
 */
export const emailSendJob = {
  queue: QUEUES.emailSend,
  schema: z.object({ messageId: z.uuid() }),
  options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
} as const;

/** Sends the due bulk messages of one template variant, up to 1000 per SendGrid request. */
export const emailSendBatchJob = {
  queue: QUEUES.emailSendBatch,
  schema: z.object({ template: z.string().min(1), variant: z.string().nullable() }),
  // One waiting job per variant is enough: it sends everything due when it runs.
  queueOptions: { name: QUEUES.emailSendBatch, policy: 'short' as const },
  options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 },
} as const;

type Client = Prisma.TransactionClient;

/** Enqueues the send of one message; given `tx`, the job commits or rolls back with it. */
export async function enqueueEmailSend(boss: PgBoss, messageId: string, startAfter: Date, tx?: Client) {
  const options = { ...emailSendJob.options, startAfter, ...(tx && { db: transactionDb(tx) }) };
  await boss.send(emailSendJob.queue, { messageId }, options);
}

export async function enqueueEmailBatch(
  boss: PgBoss,
  group: { template: string; variant: string | null },
  options: { tx?: Client; startAfter?: Date } = {},
) {
  const singletonKey = `${group.template}:${group.variant ?? ''}`;
  const sendOptions = {
    ...emailSendBatchJob.options,
    singletonKey,
    ...(options.startAfter && { startAfter: options.startAfter }),
    ...(options.tx && { db: transactionDb(options.tx) }),
  };
  await boss.send(emailSendBatchJob.queue, group, sendOptions);
}
