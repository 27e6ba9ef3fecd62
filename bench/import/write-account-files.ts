import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type AccountRow, generateAccounts } from './account-rows.ts';

/** The import file's header is not winback's field names, so the run exercises --map as users do. */
export const IMPORT_MAP = 'id=customer_id,mrr=monthly_charges';
const IMPORT_HEADER =
  'customer_id,name,company,email,plan,monthly_charges,currency,status,tenureMonths,startedAt,churnedAt';

/** What the import writes for each row, in the baseline file's column order. */
export const COPY_COLUMNS = [
  'source',
  'externalId',
  'name',
  'company',
  'email',
  'plan',
  'mrrMinor',
  'currency',
  'status',
  'tenureMonths',
  'startedAt',
  'churnedAt',
  'churnSeenAt',
  'sourceUpdatedAt',
  'updatedAt',
] as const;

export interface AccountFiles {
  /** What `winback import accounts` reads: user-facing units (12.50, ISO dates). */
  importFile: string;
  /** The same rows as the stored columns, for COPY: the cheapest way to land them. */
  copyFile: string;
  rows: number;
  importBytes: number;
}

const quoted = (text: string) => (text.includes(',') ? `"${text}"` : text);
const timestamp = (date: string) => (date === '' ? '' : `${date} 00:00:00+00`);

function importLine(row: AccountRow): string {
  const mrr = (row.mrrMinor / 100).toFixed(2);
  const { id, name, company, email, plan, currency, status, tenureMonths, startedAt, churnedAt } = row;
  return `${id},${name},${quoted(company)},${email},${plan},${mrr},${currency},${status},${tenureMonths},${startedAt},${churnedAt}\n`;
}

function copyLine(row: AccountRow, source: string, now: string): string {
  const churnSeenAt = row.status === 'churned' ? now : '';
  const values = [
    source,
    row.id,
    row.name,
    quoted(row.company),
    row.email,
    row.plan,
    row.mrrMinor,
    row.currency || 'USD',
  ];
  const rest = [
    row.status,
    row.tenureMonths,
    timestamp(row.startedAt),
    timestamp(row.churnedAt),
    churnSeenAt,
    now,
    now,
  ];
  return `${[...values, ...rest].join(',')}\n`;
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Writes both files in one pass over the generated rows, in chunks, so a million rows never sit in memory. */
export async function writeAccountFiles(dir: string, rows: number, source: string): Promise<AccountFiles> {
  const importFile = path.join(dir, `accounts-${rows}.csv`);
  const copyFile = path.join(dir, `accounts-${rows}.copy.csv`);
  const importStream = createWriteStream(importFile);
  const copyStream = createWriteStream(copyFile);
  const now = new Date().toISOString();

  await write(importStream, `${IMPORT_HEADER}\n`);
  let importChunk = '';
  let copyChunk = '';
  let count = 0;
  for (const row of generateAccounts(rows)) {
    importChunk += importLine(row);
    copyChunk += copyLine(row, source, now);
    if (++count % 10_000 !== 0) continue;
    await Promise.all([write(importStream, importChunk), write(copyStream, copyChunk)]);
    importChunk = '';
    copyChunk = '';
  }
  await Promise.all([write(importStream, importChunk), write(copyStream, copyChunk)]);
  importStream.end();
  copyStream.end();
  await Promise.all([once(importStream, 'finish'), once(copyStream, 'finish')]);
  return { importFile, copyFile, rows, importBytes: (await stat(importFile)).size };
}
