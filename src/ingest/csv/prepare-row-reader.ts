import type { IngestChange } from '../changes.ts';
import { buildAccountReader } from './account-row.ts';
import { ACCOUNT_FIELDS, type Checked, type CsvField, type Parsed } from './csv-fields.ts';
import { describeDelimiterMismatch } from './detect-delimiter.ts';
import type { CsvImportOptions } from './parse-import-options.ts';
import { buildPaymentReader } from './payment-row.ts';
import type { CsvRecord, Delimiter } from './read-csv-rows.ts';
import { type ResolvedColumns, resolveColumns } from './resolve-columns.ts';
import type { RowContext } from './row-context.ts';

export type RowReader = (record: CsvRecord) => Checked<IngestChange>;

export interface PreparedReader {
  readRow: RowReader;
  /** Header columns nothing reads. */
  ignoredColumns: readonly string[];
}

const AMOUNT_FIELDS: readonly CsvField[] = ['mrr', 'totalPaid', 'amount'];

/** Checks the header once and returns the reader for the rows below it. */
export function prepareRowReader(
  header: string[],
  delimiter: Delimiter,
  options: CsvImportOptions,
): Parsed<PreparedReader> {
  const mismatch = describeDelimiterMismatch(header, delimiter);
  if (mismatch) return { ok: false, error: mismatch };

  const resolved = resolveColumns(header, options);
  if (!resolved.ok) return resolved;

  const mapped = new Set(resolved.value.fields.map(([field]) => field));
  if (!options.currency && !mapped.has('currency') && AMOUNT_FIELDS.some((field) => mapped.has(field))) {
    return { ok: false, error: 'amounts need a currency: map a currency column or pass --currency' };
  }

  const context: RowContext = {
    source: options.source,
    importedAt: options.importedAt,
    currency: options.currency,
    amountUnit: options.amountUnit,
    // Semicolon files come from spreadsheets in locales that write 12,50; in a comma file a comma inside a
    // number is more likely a thousands separator, so a decimal comma is read only when the delimiter is `;`.
    decimalComma: delimiter === ';',
    dates: { format: options.dateFormat, timezone: options.timezone },
  };
  const blankValues = options.preset?.blankValues ?? {};
  const cellsOf = (values: readonly string[]) => pickCells(values, resolved.value, blankValues);

  if (options.kind === 'payments') {
    const readPayment = buildPaymentReader(context);
    const readRow: RowReader = (record) => readPayment(cellsOf(record.values).cells);
    return { ok: true, value: { readRow, ignoredColumns: resolved.value.ignored } };
  }
  const readAccount = buildAccountReader(
    context,
    ACCOUNT_FIELDS.filter((field) => mapped.has(field)),
  );
  const readRow: RowReader = (record) => {
    const { cells, attributes } = cellsOf(record.values);
    return readAccount(cells, attributes);
  };
  return { ok: true, value: { readRow, ignoredColumns: resolved.value.ignored } };
}

function pickCells(
  values: readonly string[],
  columns: ResolvedColumns,
  blankValues: Partial<Record<CsvField, string>>,
) {
  const cells: Partial<Record<CsvField, string>> = {};
  for (const [field, index] of columns.fields) {
    const value = values[index]?.trim() ?? '';
    cells[field] = value === '' ? (blankValues[field] ?? '') : value;
  }

  const attributes: Record<string, string | null> = {};
  for (const [name, index] of columns.attributes) attributes[name] = values[index]?.trim() || null;
  return { cells, attributes };
}
