import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open-database.ts';
import { freePort } from '../support/free-port.ts';

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('the embedded database', () => {
  let dataDir = '';
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('starts in the data folder, migrates, and on a second start reuses the data', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'winback-embedded-'));
    await chmod(dataDir, 0o755);
    const config = {
      DATABASE_URL: undefined,
      WINBACK_DATA_DIR: dataDir,
      WINBACK_EMBEDDED_PG_PORT: await freePort(),
      WINBACK_MIGRATE_ON_START: true,
    };

    const first = captureLogs();
    const db1 = await openDatabase(config, first.logger);
    const client = new pg.Client({ connectionString: db1.url });
    await client.connect();
    await client.query(`INSERT INTO "Account" (source, "externalId", "updatedAt") VALUES ('csv', 'kept', now())`);
    await client.end();
    await db1.close();

    const second = captureLogs();
    const db2 = await openDatabase(config, second.logger);
    const again = new pg.Client({ connectionString: db2.url });
    await again.connect();
    const rows = await again.query(`SELECT "externalId" FROM "Account"`);
    await again.end();
    await db2.close();

    expect(rows.rows).toEqual([{ externalId: 'kept' }]);
    const running = (lines: Record<string, unknown>[]) =>
      lines.find((line) => line.msg === 'embedded PostgreSQL running');
    expect(running(first.lines)).toMatchObject({ dataDir: path.join(dataDir, 'postgres'), reused: false });
    expect(running(second.lines)).toMatchObject({ dataDir: path.join(dataDir, 'postgres'), reused: true });
    expect(second.lines.find((line) => line.msg === 'database ready')).toMatchObject({ applied: 0 });
  });

  it('says which server it could not reach when DATABASE_URL points nowhere', async () => {
    const port = await freePort();
    const config = {
      DATABASE_URL: `postgresql://winback:secret-password@127.0.0.1:${port}/winback`,
      WINBACK_DATA_DIR: '/nonexistent',
      WINBACK_EMBEDDED_PG_PORT: 1,
      WINBACK_MIGRATE_ON_START: true,
    };

    const failure = openDatabase(config, pino({ level: 'silent' }));

    await expect(failure).rejects.toThrow(`Cannot reach PostgreSQL at 127.0.0.1:${port}/winback: connect ECONNREFUSED`);
    await expect(failure).rejects.not.toThrow(/secret-password/);
  });
});
