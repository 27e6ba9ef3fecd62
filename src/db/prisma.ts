import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

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

export function connectDatabase(url: string): Database {
  return {
    prisma: createPrismaClient(url),
    pool: new pg.Pool({ connectionString: url, pipeline: true, max: INGEST_CONNECTIONS }),
  };
}

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** Closes both: Prisma's connections, then the ingest pool's. */
export async function disconnectDatabase(db: Database): Promise<void> {
  await db.prisma.$disconnect();
  await db.pool.end();
}
