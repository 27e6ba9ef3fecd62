import PgBoss from 'pg-boss';
import { z } from 'zod';
import type { ScoringSettings } from '../config/scoring-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Logger } from '../log.ts';
import { rescoreAccounts } from '../scoring/rescore-accounts.ts';
import { transactionDb } from './enqueue-in-transaction.ts';
import { createQueueSafely, type JobQueue } from './job-queue.ts';
import { QUEUES } from './queues.ts';

// A burst of billing events or imports within this many seconds coalesces into one rescore.
const DEBOUNCE_SECONDS = 10;
const SINGLETON_KEY = 'accounts';
// Nightly, when nothing else runs: measure the population again and rescore every account.
const NIGHTLY_CRON = '30 2 * * *';

type Sql = Pick<PrismaClient, '$queryRawUnsafe'>;

export interface ScoringJobDeps {
  prisma: PrismaClient;
  settings: ScoringSettings & { WINBACK_TIMEZONE: string };
  logger: Logger;
}

// Requests closer together than this (per process) are the same job anyway: it waits DEBOUNCE_SECONDS.
const SKIP_REPEAT_MS = 5_000;
let lastRequestAt = 0;

export type RescoreRequest = 'queued' | 'recent' | 'no_job_queue' | 'failed';

/**
 * Asks for a rescore soon, from any process that has the database (the app, `winback import`), after the
 * change committed: one job on the stately queue per singleton key, so while one waits every further
 * request is that same job. Never throws: the change is already stored, and the nightly full rescore
 * catches up on a request lost here (logged when a logger is given). `no_job_queue` before the app first
 * ran and made the queue; its first start rescores anyway.
 */
export async function requestRescore(prisma: Sql, reason: string, logger?: Logger): Promise<RescoreRequest> {
  if (Date.now() - lastRequestAt < SKIP_REPEAT_MS) return 'recent';
  try {
    const [queue] = await prisma.$queryRawUnsafe<{ ready: boolean }[]>(
      `SELECT to_regclass('pgboss.job') IS NOT NULL AS ready`,
    );
    if (!queue?.ready) return 'no_job_queue';

    // pg-boss sends over any SQL executor; this one is the caller's Prisma client, so no second pool.
    const db = transactionDb(prisma as unknown as Prisma.TransactionClient);
    const boss = new PgBoss({ db, schedule: false, supervise: false, migrate: false });
    await boss.send(QUEUES.rescoreAccounts, { reason }, { singletonKey: SINGLETON_KEY, startAfter: DEBOUNCE_SECONDS });
    lastRequestAt = Date.now();
    return 'queued';
  } catch (error) {
    logger?.warn({ err: error, reason }, 'could not ask for a rescore; the nightly rescore will catch up');
    return 'failed';
  }
}

const payloadSchema = z.object({ reason: z.string() }).partial().catch({});

async function runRescoreJob(
  deps: ScoringJobDeps,
  queue: string,
  mode: 'full' | 'auto',
  job: { id: string; data: unknown } | undefined,
) {
  const started = Date.now();
  const { reason = queue } = payloadSchema.parse(job?.data);
  const summary = await rescoreAccounts(deps.prisma, deps.settings, deps.logger, { mode, reason });
  // A run elsewhere held the lock and may have started before these changes: ask again after it.
  if (summary.kind === 'busy') await requestRescore(deps.prisma, 'retry_after_busy', deps.logger);
  deps.logger.info(
    {
      jobId: job?.id,
      queue,
      kind: summary.kind,
      accounts: summary.accounts,
      written: summary.written,
      ms: Date.now() - started,
    },
    'job done',
  );
}

/** The debounced rescore after ingest, the nightly full rescore (one instance per slot), and a catch-up now. */
export async function scheduleScoring(jobs: JobQueue, deps: ScoringJobDeps): Promise<void> {
  await createQueueSafely(jobs.boss, QUEUES.rescoreAccounts, { name: QUEUES.rescoreAccounts, policy: 'stately' });
  await createQueueSafely(jobs.boss, QUEUES.rescoreNightly);
  await jobs.boss.schedule(QUEUES.rescoreNightly, NIGHTLY_CRON, {}, { tz: deps.settings.WINBACK_TIMEZONE });
  await jobs.boss.work(QUEUES.rescoreAccounts, ([job]) => runRescoreJob(deps, QUEUES.rescoreAccounts, 'auto', job));
  await jobs.boss.work(QUEUES.rescoreNightly, ([job]) => runRescoreJob(deps, QUEUES.rescoreNightly, 'full', job));
  // Accounts `winback import` wrote before the app first made its job queue have no job waiting for them.
  const unscored = await deps.prisma.account.findFirst({ where: { score: null }, select: { id: true } });
  if (unscored) await requestRescore(deps.prisma, 'start', deps.logger);
}
