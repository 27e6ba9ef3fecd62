import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadCoreConfig } from '../config/load-config.ts';
import { openDatabase } from '../db/open-database.ts';
import { connectDatabase, disconnectDatabase } from '../db/prisma.ts';
import { WinbackError } from '../errors.ts';
import { type CsvImportFlags, parseImportOptions } from '../ingest/csv/parse-import-options.ts';
import { type ImportSummary, importCsv, SHOWN_PROBLEMS } from '../ingest/import-csv.ts';
import { createLogger } from '../log.ts';
import { parseCommandLine } from './parse-command-line.ts';

export const IMPORT_USAGE = `Usage: npx winback import accounts|payments FILE [options]

  --preset NAME          a known file layout (telco: the IBM Telco customer-churn data set)
  --map F=COL,...        which column holds each field, e.g. --map id=customerID,mrr=MonthlyCharges
  --attributes COL,...   extra columns to keep with each account
  --delimiter , or ;     default: detected from the header line
  --amounts major|minor  amounts as 12.50 (major, default) or 1250 (minor units)
  --currency CODE        the currency of rows that have none, e.g. USD
  --date-format FORMAT   e.g. dd/MM/yyyy (default: ISO 8601)
  --timezone ZONE        the zone of dates without an offset, e.g. Europe/Berlin (default UTC)
  --source NAME          where the rows come from (default csv); re-imports match on source + id
  --skip-invalid         import the valid rows and write the others, with reasons, to a rejects file
  --rejects FILE         where --skip-invalid writes them (default: the data folder)`;

const OPTIONS = {
  preset: { type: 'string' },
  map: { type: 'string' },
  attributes: { type: 'string' },
  delimiter: { type: 'string' },
  amounts: { type: 'string' },
  currency: { type: 'string' },
  'date-format': { type: 'string' },
  timezone: { type: 'string' },
  source: { type: 'string' },
  'skip-invalid': { type: 'boolean', default: false },
  rejects: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

function formatSummary(file: string, kind: string, summary: ImportSummary): string {
  const counts =
    `${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
    `${summary.rejected} rejected`;
  return `Imported ${kind} from ${file}: ${summary.rows} rows (${counts}) in ${summary.seconds.toFixed(1)} s.`;
}

function formatRefusal(file: string, summary: ImportSummary): string {
  const lines = summary.problems.map((problem) => `  ${problem.problem}`).join('\n');
  if (summary.problems.some((problem) => problem.fatal)) {
    return `Nothing was imported from ${file}: the file cannot be read.\n${lines}\nFix the file and run the same command again.`;
  }
  const more =
    summary.problems.length >= SHOWN_PROBLEMS ? `\n  (stopped after the first ${SHOWN_PROBLEMS} problems)` : '';
  const need = summary.problems.length === 1 ? 'a row needs' : 'rows need';
  return (
    `Nothing was imported from ${file}: ${need} fixing.\n${lines}${more}\n` +
    'Fix the file and run the same command again, or add --skip-invalid to import the valid rows.'
  );
}

/** `winback import accounts|payments FILE`: streams the file in, all or nothing unless --skip-invalid. */
export async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, IMPORT_USAGE, true);
  if (values.help) {
    console.log(IMPORT_USAGE);
    return;
  }
  const [kind, file, ...extra] = positionals;
  if ((kind !== 'accounts' && kind !== 'payments') || !file || extra.length > 0) {
    throw new WinbackError('usage', `Expected what to import and one file.\n\n${IMPORT_USAGE}`);
  }
  const flags: CsvImportFlags = {
    kind,
    preset: values.preset,
    map: values.map,
    attributes: values.attributes,
    delimiter: values.delimiter,
    amounts: values.amounts,
    currency: values.currency,
    dateFormat: values['date-format'],
    timezone: values.timezone,
    source: values.source,
  };
  const options = parseImportOptions(flags);
  if (!options.ok) throw new WinbackError('usage', `${options.errors.join('\n')}\n\n${IMPORT_USAGE}`);

  const config = loadCoreConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  const db = connectDatabase(database.url, logger);
  try {
    const rejectsPath =
      values.rejects ?? path.join(config.WINBACK_DATA_DIR, 'rejects', `${path.basename(file)}.rejects.csv`);
    if (values['skip-invalid']) await mkdir(path.dirname(path.resolve(rejectsPath)), { recursive: true });
    const summary = await importCsv(db, {
      file,
      options: options.value,
      skipInvalid: values['skip-invalid'],
      rejectsPath,
      onProgress: (rows) => process.stderr.write(`  ${rows.toLocaleString('en-US')} rows read…\n`),
    });
    if (!summary.written) throw new WinbackError('import_refused', formatRefusal(file, summary));
    console.log(formatSummary(file, kind, summary));
    if (summary.ignoredColumns.length > 0) {
      const keep = kind === 'accounts' ? ', or keep it with --attributes column' : '';
      console.log(
        `Columns not imported: ${summary.ignoredColumns.join(', ')}. Map one with --map field=column${keep}.`,
      );
    }
    if (summary.inserted + summary.updated > 0) {
      console.log('A running winback rescores the accounts within a minute; `npx winback score` does it now.');
    }
    if (summary.rejectsPath)
      console.log(`${summary.rejected} rejected rows, with reasons, are in ${summary.rejectsPath}.`);
  } finally {
    await disconnectDatabase(db);
    await database.close();
  }
}
