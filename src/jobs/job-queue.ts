import PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';

export interface JobQueue {
  boss: PgBoss;
  /** True once started and until stop begins. */
  isRunning(): boolean;
  /** Finishes in-flight jobs, then stops taking new ones. */
  stop(): Promise<void>;
}

/** pg-boss on winback's own database, in its own `pgboss` schema. */
export async function startJobQueue(url: string, logger: Logger): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: url, application_name: 'winback-jobs' });
  let running = false;
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  running = true;
  logger.info('job queue started');
  return {
    boss,
    isRunning: () => running,
    stop: async () => {
      running = false;
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      logger.info('job queue stopped');
    },
  };
}

/**
 * pg-boss's createQueue, safe for instances booting together: its partition DDL can deadlock (40P01) when two
 * create the same queue at once. PostgreSQL rolls the victim back while the other commits, so trying again finds
 * the queue there and does nothing.
 */
export async function createQueueSafely(
  boss: PgBoss,
  name: string,
  options?: Parameters<PgBoss['createQueue']>[1],
  attempts = 3,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= attempts) throw error;
    }
  }
}
