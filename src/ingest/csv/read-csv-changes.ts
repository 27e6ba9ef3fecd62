import type { IngestChange } from '../changes.ts';
import { detectDelimiter } from './detect-delimiter.ts';
import type { CsvImportOptions } from './parse-import-options.ts';
import { prepareRowReader, type RowReader } from './prepare-row-reader.ts';
import { type CsvRecordProblem, readCsvRows } from './read-csv-rows.ts';

export interface CsvChange {
  line: number;
  change: IngestChange;
}

/** A row that was not imported. `problem` is the sentence to show; `reason` is the same without the line. */
export interface CsvProblem {
  line: number;
  problem: string;
  reason: string;
  /** The record as written in the file, for the rejects file. */
  raw: string;
  /** The file cannot be read past this point (or at all); nothing after it is yielded. */
  fatal: boolean;
}

/**
 * Reads an accounts or payments CSV into changes, one item per row in file order, without holding the file in
 * memory. Rows are checked independently, so the caller picks all-or-nothing or skipping invalid rows.
 */
export async function* readCsvChanges(
  path: string,
  options: CsvImportOptions,
  onHeader?: (header: { ignoredColumns: readonly string[] }) => void,
): AsyncGenerator<CsvChange | CsvProblem> {
  const delimiter = options.delimiter ?? (await detectDelimiter(path));
  let readRow: RowReader | null = null;
  let header: string[] = [];

  for await (const item of readCsvRows(path, delimiter)) {
    if (!('values' in item)) {
      yield toProblem(item);
      if (item.fatal) return;
      continue;
    }

    if (!readRow) {
      const prepared = prepareRowReader(item.values, delimiter, options);
      if (!prepared.ok) {
        yield toProblem({ ...item, reason: prepared.error, fatal: true });
        return;
      }
      readRow = prepared.value.readRow;
      header = item.values;
      onHeader?.({ ignoredColumns: prepared.value.ignoredColumns });
      continue;
    }

    const unstorable = describeNulCell(item.values, header);
    if (unstorable) {
      yield toProblem({ ...item, reason: unstorable, fatal: false });
      continue;
    }

    // Spreadsheets pad exports with rows of empty cells (`,,,`); they hold nothing to import or reject.
    if (item.values.every((value) => value.trim() === '')) continue;

    const result = readRow(item);
    if (result.ok) yield { line: item.line, change: result.value };
    else yield toProblem({ ...item, reason: result.errors.join('; '), fatal: false });
  }

  if (!readRow) yield toProblem({ line: 1, reason: 'the file is empty; it needs a header row', raw: '', fatal: true });
}

function toProblem({ line, reason, raw, fatal }: CsvRecordProblem): CsvProblem {
  return { line, problem: `line ${line}: ${reason}`, reason, raw: raw.replace(/^[\r\n]+|[\r\n]+$/g, ''), fatal };
}

/** PostgreSQL text cannot hold U+0000: a cell with one is a problem of its row, whatever column it is in. */
function describeNulCell(values: readonly string[], header: readonly string[]): string | null {
  const index = values.findIndex((value) => value.includes('\u0000'));
  if (index < 0) return null;
  return `${header[index] ?? `column ${index + 1}`}: expected text without NUL characters (\\u0000)`;
}
