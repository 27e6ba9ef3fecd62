import type { Request, Response } from 'express';
import type { PrismaClient } from '../db/prisma.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

/** GET /healthz: 200 when the database answers and the job queue runs, else 503 with which part failed. */
export function healthz(prisma: PrismaClient, jobs: JobQueue) {
  return async (_req: Request, res: Response) => {
    const database = await prisma.$queryRaw`SELECT 1`.then(
      () => 'ok',
      () => 'unreachable',
    );
    const jobQueue = jobs.isRunning() ? 'ok' : 'stopped';
    const healthy = database === 'ok' && jobQueue === 'ok';
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'unhealthy', database, jobQueue });
  };
}
