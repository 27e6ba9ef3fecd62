import { loadCoreConfig } from '../config/load-config.ts';
import { openDatabase } from '../db/open-database.ts';
import { createLogger } from '../log.ts';

/** `winback migrate`: applies what is pending, reports it, and exits. */
export async function runMigrate(): Promise<void> {
  const config = loadCoreConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, logger, { migrate: true });
  await database.close();
  console.log('Database is up to date.');
}
