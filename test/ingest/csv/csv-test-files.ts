import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type CsvImportFlags, parseImportOptions } from '../../../src/ingest/csv/parse-import-options.ts';
import { type CsvChange, type CsvProblem, readCsvChanges } from '../../../src/ingest/csv/read-csv-changes.ts';

export const IMPORTED_AT = new Date('2025-01-15T09:00:00Z');

/** A fresh directory under os.tmpdir() for the test file, removed after it; returns a writer of named files. */
export function useTempFiles(): (name: string, content: string | Buffer) => Promise<string> {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'winback-csv-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  return async (name, content) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
}

/** Reads a whole file through the public reader, with options checked the way the CLI checks them. */
export async function importCsv(
  path: string,
  flags: Partial<CsvImportFlags> = {},
): Promise<(CsvChange | CsvProblem)[]> {
  const options = parseImportOptions({ kind: 'accounts', importedAt: IMPORTED_AT, ...flags });
  if (!options.ok) throw new Error(options.errors.join('\n'));

  const items: (CsvChange | CsvProblem)[] = [];
  for await (const item of readCsvChanges(path, options.value)) items.push(item);
  return items;
}

export function problemsOf(items: readonly (CsvChange | CsvProblem)[]): string[] {
  return items.flatMap((item) => ('problem' in item ? [item.problem] : []));
}

export function changesOf(items: readonly (CsvChange | CsvProblem)[]): CsvChange[] {
  return items.filter((item): item is CsvChange => 'change' in item);
}
