import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { connectDatabase, disconnectDatabase } from '../../src/db/prisma.ts';
import { createEmptyDatabase } from '../support/database.ts';

describe('connectDatabase', () => {
  it('logs an idle ingest connection the server closed, replaces it, and keeps the process running', async () => {
    const { url } = await createEmptyDatabase();
    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const db = connectDatabase(url, logger);
    try {
      const [idle] = (await db.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      const failed = new Promise((resolve) => db.pool.once('error', resolve));

      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [idle?.pid]);
      await admin.end();
      await failed;

      expect(lines.map((line) => JSON.parse(line).msg)).toContain(
        'an idle database connection failed; the pool replaces it',
      );
      const [again] = (await db.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      expect(again?.pid).not.toBe(idle?.pid);
    } finally {
      await disconnectDatabase(db);
    }
  });
});
