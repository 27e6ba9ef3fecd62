import type { CsvError } from 'csv-parse';

interface ErrorPlace {
  /** The line the failing record starts on. */
  line: number;
  /** The record's text up to where parsing stopped. */
  raw: string;
  delimiter: string;
  headerLength: number;
}

export interface DescribedCsvError {
  line: number;
  reason: string;
  raw: string;
  fatal: boolean;
}

const LINE_BREAK = /\r\n|\r|\n/g;

export function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** Turns csv-parse's error codes into sentences a CS person can act on, placed on the right line. */
export function describeCsvError(error: CsvError, place: ErrorPlace): DescribedCsvError {
  const raw = place.raw.replace(/^[\r\n]+/, '');
  const described = (line: number, reason: string, fatal: boolean) => ({ line, reason, raw, fatal });

  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
      const found = Array.isArray(error.record) ? error.record.length : 0;
      const columns = found === 1 ? '1 column' : `${found} columns`;
      return described(place.line, `the row has ${columns} but the header has ${place.headerLength}`, false);
    }
    case 'CSV_QUOTE_NOT_CLOSED': {
      const opening = raw.slice(0, findUnclosedQuote(raw, place.delimiter));
      return described(place.line + countLineBreaks(opening), 'a quoted field starts here and is never closed', true);
    }
    case 'CSV_MAX_RECORD_SIZE':
      return described(place.line, 'the row is too long to be a real row; a quote is probably never closed', true);
    default:
      return described(place.line + countLineBreaks(raw), `the file cannot be read as CSV (${error.code})`, true);
  }
}

/** Where the quote that was left open starts: only a quote opening a field starts quoting. */
function findUnclosedQuote(raw: string, delimiter: string): number {
  let opened = -1;
  let fieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (opened >= 0) {
      if (char !== '"') continue;
      if (raw[i + 1] === '"') i++;
      else opened = -1;
      continue;
    }
    if (fieldStart && char === '"') opened = i;
    fieldStart = char === delimiter || char === '\n' || char === '\r';
  }
  return opened < 0 ? 0 : opened;
}
