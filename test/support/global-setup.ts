import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { freePort } from './free-port.ts';

export const TEMPLATE_DATABASE = 'winback_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the test server's `postgres` database, for creating and dropping databases. */
    pgAdminUrl: string;
    /** The same server with a placeholder for the database name: replace `{db}`. */
    pgUrlPattern: string;
  }
}

/**
 * One real PostgreSQL for the whole run, with a migrated template database: each test file
 * copies it (CREATE DATABASE ... TEMPLATE) in milliseconds instead of migrating its own.
 */
export default async function setup(project: TestProject) {
  const logger = pino({ level: 'warn' });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'winback-test-'));
  // mkdtemp makes the folder private; as root the server runs as the postgres user.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres(dataDir, await freePort(), logger);
  await server.createDatabase(TEMPLATE_DATABASE);
  await migrateDatabase(server.urlFor(TEMPLATE_DATABASE), logger, { apply: true });

  project.provide('pgAdminUrl', server.urlFor('postgres'));
  project.provide('pgUrlPattern', server.urlFor('{db}'));

  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
