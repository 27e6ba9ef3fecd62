import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));
export const SCHEMA_PATH = path.join(MIGRATIONS_DIR, '..', 'schema.prisma');
/** schema.prisma as of the newest migration: where the next migration's diff starts. */
export const MIGRATED_SCHEMA_PATH = path.join(MIGRATIONS_DIR, '..', 'schema.migrated.prisma');

export interface MigrationFile {
  name: string;
  sql: string;
  /** Lowercase hex SHA-256 of migration.sql, as Prisma records it. */
  checksum: string;
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Prisma accepts a migration whose file only differs by CRLF/LF line ends from the recorded one. */
export function checksumMatches(file: MigrationFile, recorded: string): boolean {
  if (file.checksum === recorded) return true;
  const swapped = file.sql.includes('\r\n') ? file.sql.replaceAll('\r\n', '\n') : file.sql.replaceAll('\n', '\r\n');
  return checksumOf(swapped) === recorded;
}

/** The migrations folder in Prisma's layout: one folder per migration, applied in name order. */
export async function readMigrationFiles(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    folders.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}
