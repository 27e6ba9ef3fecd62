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
