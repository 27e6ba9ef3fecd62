import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, inject } from 'vitest';
import { connectDatabase, type Database, disconnectDatabase } from '../../src/db/prisma.ts';

/** Prisma and the pg pool it shares, on a database of its own. */
export interface TestDatabase extends Database {
  url: string;
  name: string;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database on the test server, dropped after the file's tests. */
export async function createEmptyDatabase(): Promise<{ url: string; name: string }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  afterAll(() => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  return { name, url: inject('pgUrlPattern').replace('{db}', name) };
}

/** A fresh, fully migrated database for one test file, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE winback_template`));
  const url = inject('pgUrlPattern').replace('{db}', name);
  const { prisma, pool } = connectDatabase(url, pino({ level: 'silent' }));
  afterAll(async () => {
    await disconnectDatabase({ prisma, pool });
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
  return { url, name, prisma, pool };
}
