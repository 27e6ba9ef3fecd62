import { parseImportOptions } from '../../src/ingest/csv/parse-import-options.ts';
import { readCsvChanges } from '../../src/ingest/csv/read-csv-changes.ts';
import { readCsvRows } from '../../src/ingest/csv/read-csv-rows.ts';
import { IMPORT_MAP } from './write-account-files.ts';

export interface ParsePhases {
  /** csv-parse alone: bytes to string arrays. */
  parseSeconds: number;
  /** csv-parse plus column mapping and the zod row schema: everything the import does before SQL. */
  validateSeconds: number;
}

/**
 * Times the import's reading half in this process, without a database. The import reads a batch while the one
 * before is written, so its time is the longer of this and the SQL: near the import's own time, reading is the
 * longer side.
 */
export async function timeParsePhases(file: string, rows: number, source: string): Promise<ParsePhases> {
  let started = performance.now();
  let records = 0;
  for await (const record of readCsvRows(file, ',')) if ('values' in record) records += 1;
  const parseSeconds = (performance.now() - started) / 1000;

  const options = parseImportOptions({ kind: 'accounts', map: IMPORT_MAP, currency: 'USD', source });
  if (!options.ok) throw new Error(options.errors.join('; '));
  started = performance.now();
  let changes = 0;
  for await (const item of readCsvChanges(file, options.value)) if ('change' in item) changes += 1;
  const validateSeconds = (performance.now() - started) / 1000;

  // The header is a record but not a change.
  if (records !== rows + 1 || changes !== rows) throw new Error(`read ${records} records, ${changes} changes`);
  return { parseSeconds, validateSeconds };
}
