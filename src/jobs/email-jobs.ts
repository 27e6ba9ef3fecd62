import type { EmailDeps } from '../email/email-deps.ts';
import { runEmailTick } from '../email/email-tick.ts';
import { sendEmailBatch } from '../email/send-email-batch.ts';
import { sendEmailMessage } from '../email/send-email-message.ts';
import { emailSendBatchJob, emailSendJob } from '../email/send-jobs.ts';
import { createQueueSafely } from './job-queue.ts';
import { QUEUES } from './queues.ts';

/**
 * The email workers: one send per job, a batch per variant, and a tick every minute. Handlers re-parse
 * their payload; a payload that no longer parses is logged and dropped, since a retry cannot fix it.
 */
export async function startEmailJobs(deps: EmailDeps): Promise<void> {
  const { boss, logger } = deps;
  await createQueueSafely(boss, emailSendJob.queue);
  await createQueueSafely(boss, emailSendBatchJob.queue, emailSendBatchJob.queueOptions);
  await createQueueSafely(boss, QUEUES.emailTick);

  await boss.work(emailSendJob.queue, { batchSize: 5 }, async (jobs) => {
    for (const job of jobs) {
      const started = Date.now();
      const payload = emailSendJob.schema.safeParse(job.data);
      if (!payload.success) {
        logger.error({ jobId: job.id, queue: emailSendJob.queue }, 'job payload invalid; dropped');
        continue;
      }
      const result = await sendEmailMessage(deps, payload.data.messageId);
      logger.info(
        { jobId: job.id, queue: job.name, messageId: payload.data.messageId, result, ms: Date.now() - started },
        'job done',
      );
    }
  });

  await boss.work(emailSendBatchJob.queue, async ([job]) => {
    if (!job) return;
    const started = Date.now();
    const payload = emailSendBatchJob.schema.safeParse(job.data);
    if (!payload.success) {
      logger.error({ jobId: job.id, queue: job.name }, 'job payload invalid; dropped');
      return;
    }
    const sent = await sendEmailBatch(deps, payload.data);
    logger.info(
      { jobId: job.id, queue: job.name, template: payload.data.template, sent, ms: Date.now() - started },
      'job done',
    );
  });

  await boss.schedule(QUEUES.emailTick, '* * * * *');
  await boss.work(QUEUES.emailTick, async ([job]) => {
    const started = Date.now();
    const result = await runEmailTick(deps);
    logger.debug({ jobId: job?.id, queue: QUEUES.emailTick, ...result, ms: Date.now() - started }, 'job done');
  });
}
