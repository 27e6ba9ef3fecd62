import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../log.ts';

export type { PrismaClient };

/**
 * Prisma for the app's reads and writes, and a pg pool of its own for the hot ingest paths (webhooks,
 * the events API, their retries), which run a few hand-written statements per event: there Prisma's
 * client runtime cost several times PostgreSQL's work. The pool pipelines: a connection sends the next
 * statement of a transaction without waiting for the previous answer (node-postgres `pipeline`).
 */
export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
}

// The inbox's two writers, the retry job and an import; each transaction holds one.
const INGEST_CONNECTIONS = 4;

export function connectDatabase(url: string, logger: Logger): Database {
  const pool = new pg.Pool({ connectionString: url, pipeline: true, max: INGEST_CONNECTIONS });
  // An idle connection the server closes (a restart, or its shutdown racing ours) is an 'error' event on
  // the pool; unheard, Node would end the process for it.
  pool.on('error', (error) => logger.warn({ err: error }, 'an idle database connection failed; the pool replaces it'));
  return { prisma: createPrismaClient(url), pool };
}

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** Closes both: Prisma's connections, then the ingest pool's, waiting until each of its sockets is closed. */
export async function disconnectDatabase(db: Database): Promise<void> {
  await db.prisma.$disconnect();
  // pool.end() resolves once its connections are told to close, not once they are: a server stopped right
  // after would still see them and close them itself, with an error.
  let open = db.pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    db.pool.on('remove', () => {
      open -= 1;
      if (open === 0) resolve();
    });
  });
  await db.pool.end();
  await closed;
}
