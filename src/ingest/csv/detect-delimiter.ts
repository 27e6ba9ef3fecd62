import { open } from 'node:fs/promises';
import type { Delimiter } from './read-csv-rows.ts';

const HEAD_BYTES = 64 * 1024;
const SEPARATORS: ReadonlyArray<[string, string]> = [
  ['\t', 'tabs'],
  [';', 'semicolons'],
  [',', 'commas'],
  ['|', 'pipes'],
];

/** Reads only the start of the file: the header line decides the delimiter for every row. */
export async function detectDelimiter(path: string): Promise<Delimiter> {
  const file = await open(path);
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
    const text = head
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return pickDelimiter(text.split(/\r|\n/, 1)[0] ?? '');
  } finally {
    await file.close();
  }
}

/** Semicolon when the header has more of them than commas, as spreadsheets write in decimal-comma locales. */
export function pickDelimiter(headerLine: string): Delimiter {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (char: string) => unquoted.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** A one-column header holding another separator means the file was split on the wrong character. */
export function describeDelimiterMismatch(header: readonly string[], delimiter: Delimiter): string | null {
  const [only] = header;
  if (header.length !== 1 || only === undefined) return null;

  const found = SEPARATORS.find(([char]) => char !== delimiter && only.includes(char));
  if (!found) return null;

  const [char, name] = found;
  const start = `the header has one column only, so the delimiter looks wrong: it is separated by ${name}`;
  if (char === ',' || char === ';') return `${start}; pass --delimiter "${char}" or leave --delimiter out`;
  return `${start}, and winback reads files separated by commas or semicolons`;
}
