import {
  type ColumnMap,
  type CsvField,
  type CsvKind,
  type CsvPreset,
  FIELDS_BY_KIND,
  type Parsed,
  REQUIRED_FIELDS,
} from './csv-fields.ts';

export interface ColumnChoice {
  kind: CsvKind;
  preset: CsvPreset | null;
  /** From --map; wins over the preset and over same-name matching. */
  columns: ColumnMap;
  /** Extra columns to keep verbatim under `attributes`. */
  attributes: readonly string[];
}

/** Where each mapped field and attribute sits in a row. */
export interface ResolvedColumns {
  fields: ReadonlyArray<readonly [CsvField, number]>;
  attributes: ReadonlyArray<readonly [string, number]>;
  /** Named columns of the header that nothing reads, as written: a misspelt one would otherwise go unnoticed. */
  ignored: readonly string[];
}

const SHOWN_COLUMNS = 30;

/** Matches the mapping against the header; names compare trimmed and case-insensitively, as spreadsheets vary. */
export function resolveColumns(header: readonly string[], choice: ColumnChoice): Parsed<ResolvedColumns> {
  const names = header.map((name) => name.trim().toLowerCase());
  const mapped: ColumnMap = { ...(choice.preset?.columns ?? sameNameColumns(names, choice.kind)), ...choice.columns };
  const attributeColumns = [...(choice.preset?.attributes ?? []), ...choice.attributes];
  const wanted = [
    ...Object.entries(mapped).map(([field, column]) => ({ column: column ?? '', purpose: field })),
    ...attributeColumns.map((column) => ({ column, purpose: 'attributes' })),
  ];

  const missing = wanted.filter(({ column }) => !names.includes(column.toLowerCase()));
  if (missing.length > 0) return { ok: false, error: describeMissing(missing, header) };

  const repeated = wanted.find(({ column }) => names.filter((name) => name === column.toLowerCase()).length > 1);
  if (repeated) return { ok: false, error: `column "${repeated.column}" appears more than once in the header` };

  const unmapped = REQUIRED_FIELDS[choice.kind].find((field) => mapped[field] === undefined);
  if (unmapped) {
    const fix = `add ${unmapped}=<column> to --map`;
    return { ok: false, error: `no column is mapped to ${unmapped}; ${fix} (the header has: ${listColumns(header)})` };
  }
  if (mapped.status !== undefined && mapped.churned !== undefined) {
    return { ok: false, error: 'both status and churned are mapped; map only one of them' };
  }

  const indexOf = (column: string) => names.indexOf(column.toLowerCase());
  const fields = Object.entries(mapped).map(([field, column]) => [field as CsvField, indexOf(column ?? '')] as const);
  const attributes = attributeColumns.map((column) => [column, indexOf(column)] as const);
  const read = new Set([...fields, ...attributes].map(([, index]) => index));
  const ignored = header.filter((name, index) => !read.has(index) && name.trim() !== '');
  return { ok: true, value: { fields, attributes, ignored } };
}

/** Without a preset, a column named like a field (any case) is that field. */
function sameNameColumns(names: readonly string[], kind: CsvKind): ColumnMap {
  const fields = FIELDS_BY_KIND[kind].filter((field) => names.includes(field.toLowerCase()));
  // A file with both columns says the same thing twice; the richer status wins, as --map cannot unmap one.
  const kept = fields.includes('status') ? fields.filter((field) => field !== 'churned') : fields;
  return Object.fromEntries(kept.map((field) => [field, field]));
}

function describeMissing(missing: ReadonlyArray<{ column: string; purpose: string }>, header: readonly string[]) {
  const listed = missing.map(({ column, purpose }) => `"${column}" (for ${purpose})`).join(', ');
  const verb = missing.length === 1 ? `column ${listed} is` : `columns ${listed} are`;
  return `${verb} not in the header; the header has: ${listColumns(header)}`;
}

function listColumns(header: readonly string[]): string {
  const shown = header.slice(0, SHOWN_COLUMNS).join(', ');
  return header.length > SHOWN_COLUMNS ? `${shown}, and ${header.length - SHOWN_COLUMNS} more` : shown;
}
