import { writeFile } from 'node:fs/promises';

export interface CsvReject {
  line: number;
  reason: string;
  raw: string;
}

/** A CSV of the rows left out, in file order: the line they start on, why, and the record as written. */
export function formatRejects(rejects: Iterable<CsvReject>): string {
  const rows = ['line,reason,record'];
  for (const { line, reason, raw } of rejects) rows.push(`${line},${quote(reason)},${quote(raw)}`);
  return `${rows.join('\n')}\n`;
}

export async function writeRejects(path: string, rejects: Iterable<CsvReject>): Promise<void> {
  await writeFile(path, formatRejects(rejects), 'utf8');
}

/** Always quoted: reasons hold commas and records hold delimiters, quotes and line breaks. */
function quote(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}
