import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
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

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function freshEmbeddedConfig() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'winback-embedded-'));
  folders.push(dataDir);
  // Readable by the postgres system user the server runs as under root.
  await chmod(dataDir, 0o755);
  return {
    DATABASE_URL: undefined,
    WINBACK_DATA_DIR: dataDir,
    WINBACK_EMBEDDED_PG_PORT: await freePort(),
    WINBACK_MIGRATE_ON_START: true,
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe('the embedded database', () => {
  it('starts in the data folder, migrates, and on a second start reuses the data', async () => {
    const config = await freshEmbeddedConfig();
    const dataDir = config.WINBACK_DATA_DIR;

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

  it('shares the server another winback process runs on the same folder, and leaves it running', async () => {
    const config = await freshEmbeddedConfig();
    const app = await openDatabase(config, pino({ level: 'silent' }));

    const cli = captureLogs();
    const command = await openDatabase(config, cli.logger);
    await command.close();

    expect(
      cli.lines.find((line) => line.msg === 'embedded PostgreSQL already running on this data folder; using it'),
    ).toMatchObject({ port: config.WINBACK_EMBEDDED_PG_PORT, afterwards: 'left running' });
    expect(command.url).toBe(app.url);
    expect(await answers(app.url)).toBe(true);
    await app.close();
  });

  it('takes over a server a crashed app left behind, and stops it when asked to adopt it', async () => {
    const config = await freshEmbeddedConfig();
    const holder = spawn(
      process.execPath,
      [
        'bin/run-ts.js',
        'test/db/hold-embedded-postgres.ts',
        config.WINBACK_DATA_DIR,
        String(config.WINBACK_EMBEDDED_PG_PORT),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(holder.stdout, 'data');
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const lockFile = path.join(config.WINBACK_DATA_DIR, 'postgres', 'postmaster.pid');
    const pid = Number((await readFile(lockFile, 'utf8')).split('\n')[0]);

    const restarted = await openDatabase(config, pino({ level: 'silent' }), { runningServer: 'adopt' });
    expect(await answers(restarted.url)).toBe(true);
    await restarted.close();

    expect(await answers(restarted.url)).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
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

  it('says the port may be taken, without a stack, when the embedded server cannot start', async () => {
    const config = await freshEmbeddedConfig();
    // Another PostgreSQL (here the embedded one of another data folder) already listens on the port.
    const other = await openDatabase(
      { ...config, WINBACK_DATA_DIR: `${config.WINBACK_DATA_DIR}-other` },
      pino({ level: 'silent' }),
    );
    folders.push(`${config.WINBACK_DATA_DIR}-other`);
    try {
      const failure = openDatabase(config, pino({ level: 'silent' }));

      await expect(failure).rejects.toMatchObject({
        name: 'WinbackError',
        message: expect.stringContaining(
          `embedded PostgreSQL did not start on port ${config.WINBACK_EMBEDDED_PG_PORT} (data in ${config.WINBACK_DATA_DIR}/postgres). Another server may be using the port: set WINBACK_EMBEDDED_PG_PORT`,
        ),
      });
    } finally {
      await other.close();
    }
  });
});
