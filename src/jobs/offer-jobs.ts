import type { WebClient } from '@slack/web-api';
import { expireOfferApprovals } from '../approvals/expire-offer-approvals.ts';
import type { HomeDeps } from '../approvals/refresh-homes.ts';
import { createQueueSafely, type JobQueue } from './job-queue.ts';
import { QUEUES } from './queues.ts';

export interface OfferJobDeps extends HomeDeps {
  slack: WebClient;
}

/**
 * Every minute, on one instance (pg-boss fires one job per cron slot): expire the approvals whose
 * time ran out. A tick rather than a job per offer: nothing to cancel when a manager decides first,
 * and an offer whose job was lost still expires.
 */
export async function scheduleOfferJobs(jobs: JobQueue, deps: OfferJobDeps): Promise<void> {
  await createQueueSafely(jobs.boss, QUEUES.offerExpiryTick);
  await jobs.boss.schedule(QUEUES.offerExpiryTick, '* * * * *');
  await jobs.boss.work(QUEUES.offerExpiryTick, async ([job]) => {
    const started = Date.now();
    const expired = await expireOfferApprovals(deps, deps.slack);
    deps.logger.debug({ jobId: job?.id, queue: QUEUES.offerExpiryTick, expired, ms: Date.now() - started }, 'job done');
  });
}
