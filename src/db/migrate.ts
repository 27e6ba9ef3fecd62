import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { WinbackError } from '../errors.ts';
import { checksumMatches, type MigrationFile, readMigrationFiles } from './migration-files.ts';

// Prisma Migrate's own advisory lock: holding it keeps a real `prisma migrate deploy` and
// other winback instances from applying migrations at the same time.
const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationPlan {
  applied: string[];
  pending: MigrationFile[];
}

/**
 * Compares the migrations folder with `_prisma_migrations` the way `prisma migrate deploy`
 * does, and refuses to go on when they disagree.
 */
export function planMigrations(files: MigrationFile[], history: HistoryRow[]): MigrationPlan {
  const failed = history.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new WinbackError(
      'migration_failed_before',
      `Migration ${failed.migration_name} failed on an earlier run and was never resolved (Prisma P3009). ` +
        `Fix the database by hand, then mark it with \`prisma migrate resolve --rolled-back ${failed.migration_name}\` ` +
        'or delete its row from _prisma_migrations.',
    );
  }
  const applied = history.filter((row) => row.rolled_back_at === null);
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new WinbackError(
        'migration_history_diverged',
        `The database has migration ${row.migration_name} applied, but prisma/migrations has no such folder. ` +
          'This database was migrated by a different version of winback; use the matching version or a fresh database.',
      );
    }
    if (!checksumMatches(file, row.checksum)) {
      throw new WinbackError(
        'migration_history_diverged',
        `Migration ${row.migration_name} was changed after it was applied to this database (checksum differs). ` +
          'Applied migrations must never be edited: restore the original file and add a new migration instead.',
      );
    }
  }
  const appliedNames = new Set(applied.map((row) => row.migration_name));
  return { applied: [...appliedNames], pending: files.filter((file) => !appliedNames.has(file.name)) };
}

async function readHistory(client: pg.Client): Promise<HistoryRow[]> {
  await client.query(CREATE_HISTORY_TABLE);
  const result = await client.query<HistoryRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
  return result.rows;
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)', [
    id,
    file.checksum,
    file.name,
  ]);
  try {
    // One simple-protocol query: PostgreSQL runs the whole file in one implicit transaction,
    // so a failure leaves nothing half-applied, exactly as Prisma does.
    await client.query(file.sql);
  } catch (error) {
    await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, String(error)]);
    throw new WinbackError('migration_failed', `Migration ${file.name} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [
    id,
  ]);
}

export interface MigrateOptions {
  /** false: only check; throws when migrations are pending instead of applying them. */
  apply: boolean;
  /** Another migrations folder, for tests. */
  migrationsDir?: string;
}

/** Applies pending migrations from prisma/migrations, leaving the bookkeeping Prisma expects. */
export async function migrateDatabase(url: string, logger: Logger, options: MigrateOptions): Promise<MigrationPlan> {
  const files = await readMigrationFiles(options.migrationsDir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    const plan = planMigrations(files, await readHistory(client));
    if (plan.pending.length > 0 && !options.apply) {
      throw new WinbackError(
        'migrations_pending',
        `${plan.pending.length} migration(s) are not applied yet (${plan.pending.map((f) => f.name).join(', ')}). ` +
          'Run `npx winback migrate`, or set WINBACK_MIGRATE_ON_START=true.',
      );
    }
    for (const file of plan.pending) {
      const started = Date.now();
      await applyOne(client, file);
      logger.info({ migration: file.name, ms: Date.now() - started }, 'migration applied');
    }
    return plan;
  } finally {
    await client.end();
  }
}
