import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { viewsToRecreate } from '../../scripts/migration-views.ts';
import { diffSchemas } from '../../scripts/schema-engine.ts';
import { migrateDatabase, planMigrations } from '../../src/db/migrate.ts';
import {
  checksumOf,
  MIGRATED_SCHEMA_PATH,
  MIGRATIONS_DIR,
  readMigrationFiles,
  SCHEMA_PATH,
} from '../../src/db/migration-files.ts';
import { type Catalog, catalogDifferences, readCatalog } from '../support/catalog.ts';
import { createEmptyDatabase, createTestDatabase } from '../support/database.ts';

const logger = pino({ level: 'silent' });

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function databaseFromSchema(schema: string): Promise<string> {
  const { url } = await createEmptyDatabase();
  await query(url, await diffSchemas(null, schema, url));
  return url;
}

/**
 * The catalog schema.prisma defines. Prisma migrates no views, so a `view` block is checked by its columns:
 * those Prisma would give a model of the same fields, without the nullability a view's columns lack.
 */
async function catalogFromSchema(schema: string): Promise<Catalog> {
  const catalog = await readCatalog(await databaseFromSchema(schema));
  const views = new Set([...schema.matchAll(/^view (\w+) \{/gm)].map((match) => match[1]));
  const asModels = await readCatalog(await databaseFromSchema(schema.replace(/^view (\w+) \{/gm, 'model $1 {')));
  catalog.views = asModels.columns
    .filter((line) => views.has(line.split('.')[0]))
    .map((line) => line.replace(/ (NOT )?NULL( DEFAULT .*)?$/, ''));
  return catalog;
}

describe('committed migrations', () => {
  it('produce exactly the tables, views, columns, constraints, indexes and enums of schema.prisma', async () => {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const migrated = await createTestDatabase();
    const expected = await catalogFromSchema(schema);
    const actual = await readCatalog(migrated.url);

    expect(catalogDifferences(expected, actual)).toEqual([]);
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]);
    const tables = new Set(actual.columns.map((line) => line.split('.')[0]));
    expect([...tables].sort()).toEqual(models.sort());
  });

  it('notices a schema.prisma field that no migration creates', async () => {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const changed = schema.replace(
      '  seats             Int?\n',
      '  seats             Int?\n  region            String\n',
    );
    const migrated = await createTestDatabase();

    const differences = catalogDifferences(await catalogFromSchema(changed), await readCatalog(migrated.url));

    // PostgreSQL 18 also lists NOT NULL as a named constraint.
    expect(differences).toEqual([
      'missing columns: Account.region text NOT NULL',
      'missing constraints: Account Account_region_not_null NOT NULL region',
    ]);
  });

  it('notices a view field that the migrated view lacks', async () => {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const view = schema.indexOf('view AccountScore {');
    expect(view).toBeGreaterThan(-1);
    const changed = `${schema.slice(0, view)}${schema.slice(view).replace('{\n', '{\n  region String?\n')}`;
    const migrated = await createTestDatabase();

    const differences = catalogDifferences(await catalogFromSchema(changed), await readCatalog(migrated.url));

    expect(differences).toEqual(['missing views: AccountScore.region text']);
  });

  it('are in step with the schema snapshot the next migration is diffed from', async () => {
    const { url } = await createEmptyDatabase();
    const sql = await diffSchemas(
      await readFile(MIGRATED_SCHEMA_PATH, 'utf8'),
      await readFile(SCHEMA_PATH, 'utf8'),
      url,
    );
    expect(sql).toContain('This is an empty migration');
  });
});

describe('npm run migration:new', () => {
  it('names the hand-made view to recreate when a migration alters a table it reads', async () => {
    const { url } = await createEmptyDatabase();
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const widened = schema.replace('model ScoringCurrency {\n', 'model ScoringCurrency {\n  region String?\n');
    const other = schema.replace('  seats             Int?\n', '  seats             Int?\n  region String?\n');

    expect(viewsToRecreate(await diffSchemas(schema, widened, url))).toEqual(['AccountScore']);
    expect(viewsToRecreate(await diffSchemas(schema, other, url))).toEqual([]);
  });
});

describe('migrateDatabase bookkeeping', () => {
  it('leaves _prisma_migrations as prisma migrate deploy would, and a second run applies nothing', async () => {
    const { url } = await createEmptyDatabase();
    const files = await readMigrationFiles();

    const first = await migrateDatabase(url, logger, { apply: true });
    const second = await migrateDatabase(url, logger, { apply: true });

    expect(first.pending.map((file) => file.name)).toEqual(files.map((file) => file.name));
    expect(second.pending).toEqual([]);
    const rows = await query<Record<string, unknown>>(
      url,
      'SELECT id, checksum, migration_name, logs, rolled_back_at, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY started_at',
    );
    expect(rows).toHaveLength(files.length);
    for (const [index, row] of rows.entries()) {
      const file = files[index];
      expect(row.migration_name).toBe(file?.name);
      expect(row.checksum).toBe(
        checksumOf(await readFile(path.join(MIGRATIONS_DIR, String(file?.name), 'migration.sql'), 'utf8')),
      );
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }
  });

  it('applies each migration once when two instances migrate at the same time', async () => {
    const { url } = await createEmptyDatabase();

    await Promise.all([migrateDatabase(url, logger, { apply: true }), migrateDatabase(url, logger, { apply: true })]);

    const rows = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM _prisma_migrations');
    expect(Number(rows[0]?.n)).toBe((await readMigrationFiles()).length);
  });

  it('refuses to start with pending migrations when applying is turned off', async () => {
    const { url } = await createEmptyDatabase();
    const names = (await readMigrationFiles()).map((file) => file.name);
    await expect(migrateDatabase(url, logger, { apply: false })).rejects.toThrow(
      `${names.length} migration(s) are not applied yet (${names.join(', ')}). Run \`npx winback migrate\`, ` +
        'or set WINBACK_MIGRATE_ON_START=true.',
    );
    expect(await query(url, 'SELECT * FROM _prisma_migrations')).toEqual([]);
  });

  it('records a failing migration, rolls its statements back, and refuses to continue past it', async () => {
    const { url } = await createEmptyDatabase();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'winback-migrations-'));
    await mkdir(path.join(dir, '20260101000000_broken'));
    await writeFile(
      path.join(dir, '20260101000000_broken', 'migration.sql'),
      'CREATE TABLE kept (id int);\nSELECT 1/0;\n',
    );

    await expect(migrateDatabase(url, logger, { apply: true, migrationsDir: dir })).rejects.toThrow(
      'Migration 20260101000000_broken failed: division by zero',
    );
    const rows = await query<{ finished_at: Date | null; logs: string }>(
      url,
      'SELECT finished_at, logs FROM _prisma_migrations',
    );
    expect(rows).toEqual([{ finished_at: null, logs: expect.stringContaining('division by zero') }]);
    expect(await query(url, "SELECT 1 FROM pg_tables WHERE tablename = 'kept'")).toEqual([]);
    await expect(migrateDatabase(url, logger, { apply: true, migrationsDir: dir })).rejects.toThrow(/Prisma P3009/);
  });
});

describe('planMigrations', () => {
  const file = { name: '20260101000000_init', sql: 'SELECT 1;\n', checksum: checksumOf('SELECT 1;\n') };
  const row = (overrides: object) => ({
    migration_name: file.name,
    checksum: file.checksum,
    finished_at: new Date(),
    rolled_back_at: null,
    ...overrides,
  });

  it('stops at a migration that failed earlier (Prisma P3009)', () => {
    expect(() => planMigrations([file], [row({ finished_at: null })])).toThrow(
      'Migration 20260101000000_init failed on an earlier run and was never resolved (Prisma P3009).',
    );
  });

  it('reports a diverged history when the database has a migration the folder lacks', () => {
    expect(() => planMigrations([], [row({})])).toThrow(
      'The database has migration 20260101000000_init applied, but prisma/migrations has no such folder.',
    );
  });

  it('reports an applied migration whose file was edited afterwards', () => {
    expect(() => planMigrations([file], [row({ checksum: checksumOf('SELECT 2;\n') })])).toThrow(
      'Migration 20260101000000_init was changed after it was applied to this database (checksum differs).',
    );
  });

  it('accepts a file whose only change is CRLF line ends, as Prisma does', () => {
    const crlf = { ...file, sql: 'SELECT 1;\r\n', checksum: checksumOf('SELECT 1;\r\n') };
    expect(planMigrations([crlf], [row({})]).pending).toEqual([]);
  });

  it('re-applies a migration that was rolled back', () => {
    expect(planMigrations([file], [row({ finished_at: null, rolled_back_at: new Date() })]).pending).toEqual([file]);
  });
});
