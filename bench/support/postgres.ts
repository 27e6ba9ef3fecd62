import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { freePort } from '../../test/support/free-port.ts';
import { clusterCpuSeconds } from './process-cpu.ts';

/** A PostgreSQL server the benchmarks make databases on; each database is dropped by `stop`. */
export interface BenchPostgres {
  /** What the figures were measured against, for the printed table. */
  label: string;
  /** A new, fully migrated database; returns its URL. */
  createMigratedDatabase(prefix: string): Promise<string>;
  /** CPU seconds the server has used so far (embedded only; NaN for BENCH_DATABASE_URL). */
  cpuSeconds(): Promise<number>;
  /** Drops every database made so far, so a million-row run does not keep its disk between repetitions. */
  dropDatabases(): Promise<void>;
  stop(): Promise<void>;
}

async function onAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * BENCH_DATABASE_URL when set (a server you run; the bench only creates and drops bench_* databases on it),
 * otherwise a throwaway embedded PostgreSQL in a temp folder, removed on stop.
 */
export async function startBenchPostgres(logger: Logger): Promise<BenchPostgres> {
  const given = process.env.BENCH_DATABASE_URL?.trim();
  let adminUrl: string;
  let label: string;
  let shutdown = async () => {};
  let cpuSeconds = async () => Number.NaN;
  if (given) {
    adminUrl = given;
    label = 'BENCH_DATABASE_URL';
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'winback-bench-pg-'));
    // mkdtemp makes the folder private; as root the server runs as the postgres user and must enter it.
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres(dir, await freePort(), logger);
    adminUrl = server.urlFor('postgres');
    label = 'embedded PostgreSQL 18';
    cpuSeconds = () => clusterCpuSeconds(server.dataDir);
    shutdown = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }

  const created: string[] = [];
  const dropDatabases = async () => {
    for (const name of created.splice(0)) await onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return {
    label,
    createMigratedDatabase: async (prefix) => {
      const name = `bench_${prefix}_${randomBytes(4).toString('hex')}`;
      await onAdmin(adminUrl, `CREATE DATABASE ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      await migrateDatabase(url.href, logger, { apply: true });
      return url.href;
    },
    cpuSeconds,
    dropDatabases,
    stop: async () => {
      await dropDatabases();
      await shutdown();
    },
  };
}
