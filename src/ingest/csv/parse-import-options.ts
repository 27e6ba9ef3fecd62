import type { Checked, ColumnMap, CsvKind, CsvPreset } from './csv-fields.ts';
import { describeValue } from './describe-value.ts';
import { parseColumnMap } from './parse-column-map.ts';
import { readCurrency, readTimezone } from './read-cell.ts';
import type { Delimiter } from './read-csv-rows.ts';
import { TELCO_PRESET } from './telco-preset.ts';
import type { AmountUnit } from './to-minor-units.ts';

export const CSV_PRESETS: Readonly<Record<string, CsvPreset>> = { telco: TELCO_PRESET };

/** The command line's words, unchecked; an empty string counts as not given. */
export interface CsvImportFlags {
  kind: CsvKind;
  preset?: string;
  map?: string;
  /** Comma-separated columns to keep under `attributes`. */
  attributes?: string;
  delimiter?: string;
  amounts?: string;
  currency?: string;
  dateFormat?: string;
  timezone?: string;
  source?: string;
  /** When the import started: observedAt of every fact a row does not date itself. */
  importedAt?: Date;
}

export interface CsvImportOptions {
  kind: CsvKind;
  preset: CsvPreset | null;
  columns: ColumnMap;
  attributes: string[];
  /** null: detected from the header line. */
  delimiter: Delimiter | null;
  amountUnit: AmountUnit;
  /** The currency of rows without one of their own. */
  currency: string | null;
  dateFormat: string | null;
  timezone: string;
  source: string;
  importedAt: Date;
}

const SOURCE = /^[a-z][a-z0-9_-]*(:[a-z0-9_.-]+)?$/i;

/** Checks every flag at once and lists every problem, so one run shows all there is to fix. */
export function parseImportOptions(flags: CsvImportFlags): Checked<CsvImportOptions> {
  const errors: string[] = [];
  const given = (value: string | undefined) => (value?.trim() ? value.trim() : null);

  const presetName = given(flags.preset);
  const preset = presetName ? (CSV_PRESETS[presetName.toLowerCase()] ?? null) : null;
  if (presetName && !preset) {
    const known = Object.keys(CSV_PRESETS).join(', ');
    errors.push(`--preset: ${describeValue(presetName)} is not a preset; the presets are: ${known}`);
  }
  if (preset && preset.kind !== flags.kind) {
    errors.push(`--preset: ${preset.name} reads ${preset.kind} files, not ${flags.kind}`);
  }

  const map = parseColumnMap(flags.map ?? '', flags.kind);
  if (!map.ok) errors.push(...map.errors);

  // Not trimmed: a tab is whitespace, and should be refused by name rather than read as "not given".
  const delimiter = flags.delimiter || null;
  if (delimiter && delimiter !== ',' && delimiter !== ';') {
    errors.push(`--delimiter: expected "," or ";", got ${describeValue(delimiter)}`);
  }

  const amounts = given(flags.amounts) ?? 'major';
  if (amounts !== 'major' && amounts !== 'minor')
    errors.push(`--amounts: expected major or minor, got ${describeValue(amounts)}`);

  const currencyFlag = given(flags.currency);
  const currency = currencyFlag ? readCurrency(currencyFlag) : null;
  if (currency && !currency.ok) errors.push(`--currency: ${currency.error}`);

  const timezone = readTimezone(given(flags.timezone) ?? 'UTC');
  if (!timezone.ok) errors.push(`--timezone: ${timezone.error}`);

  const dateFormat = given(flags.dateFormat);
  if (dateFormat && !namesWholeDate(dateFormat)) {
    const tokens = 'luxon tokens are case-sensitive: dd/MM/yyyy, not dd/mm/yyyy (mm is minutes)';
    errors.push(`--date-format: "${dateFormat}" needs a year (yyyy), a month (MM) and a day (dd); ${tokens}`);
  }

  const source = given(flags.source) ?? 'csv';
  if (!SOURCE.test(source))
    errors.push(`--source: expected a name such as csv or api:hubspot, got ${describeValue(source)}`);

  // The ok checks repeat what errors says, for the type checker.
  if (errors.length > 0 || !map.ok || !timezone.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: flags.kind,
      preset,
      columns: map.value,
      attributes: (given(flags.attributes) ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
      delimiter: delimiter as Delimiter | null,
      amountUnit: amounts as AmountUnit,
      currency: currency?.ok ? currency.value : (preset?.currency ?? null),
      dateFormat,
      timezone: timezone.value,
      source,
      importedAt: flags.importedAt ?? new Date(),
    },
  };
}

/**
 * luxon accepts any string as a format and fills what it lacks from today, so `dd/mm/yyyy` would silently read
 * minutes as months. A Unix timestamp (X, x) or a year with an ordinal day (o) is a whole date too.
 */
function namesWholeDate(format: string): boolean {
  const tokens = format.replace(/'[^']*'/g, '');
  const has = (pattern: RegExp) => pattern.test(tokens);
  return has(/[Xx]/) || (has(/y/) && (has(/o/) || (has(/[ML]/) && has(/d/))));
}
