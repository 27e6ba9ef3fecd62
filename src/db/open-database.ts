import pg from 'pg';
import type { CoreConfig } from '../config/load-config.ts';
import { WinbackError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { type EmbeddedServer, type RunningServer, startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrateDatabase } from './migrate.ts';

export interface Database {
  url: string;
  embedded: EmbeddedServer | undefined;
  /** Stops the embedded server, if this process started or adopted one. */
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'winback';

/** host:port of a URL, for messages; never the password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the DATABASE_URL server';
  }
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new WinbackError(
      'database_unreachable',
      `Cannot reach PostgreSQL at ${describeUrl(url)}: ${(error as Error).message}. ` +
        'Check DATABASE_URL and that the server is running, or unset DATABASE_URL to use the embedded database.',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database winback works on: DATABASE_URL when given, otherwise a real PostgreSQL
 * embedded in the data folder. Migrations are applied (or only checked) before returning.
 */
export async function openDatabase(
  config: Pick<
    CoreConfig,
    'DATABASE_URL' | 'WINBACK_DATA_DIR' | 'WINBACK_EMBEDDED_PG_PORT' | 'WINBACK_MIGRATE_ON_START'
  >,
  logger: Logger,
  options: { migrate?: boolean; runningServer?: RunningServer } = {},
): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  if (url === undefined) {
    const { WINBACK_DATA_DIR, WINBACK_EMBEDDED_PG_PORT } = config;
    embedded = await startEmbeddedPostgres(WINBACK_DATA_DIR, WINBACK_EMBEDDED_PG_PORT, logger, options.runningServer);
    await embedded.createDatabase(EMBEDDED_DATABASE);
    url = embedded.urlFor(EMBEDDED_DATABASE);
  }
  const close = async () => {
    await embedded?.stop();
  };
  try {
    await assertReachable(url);
    const plan = await migrateDatabase(url, logger, { apply: options.migrate ?? config.WINBACK_MIGRATE_ON_START });
    logger.info({ database: describeUrl(url), applied: plan.pending.length }, 'database ready');
  } catch (error) {
    await close();
    throw error;
  }
  return { url, embedded, close };
}
