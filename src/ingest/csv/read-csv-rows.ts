import { createReadStream } from 'node:fs';
import { CsvError, type Parser, parse } from 'csv-parse';
import { countLineBreaks, describeCsvError } from './describe-csv-error.ts';

export type Delimiter = ',' | ';';

/** One record as the file holds it; `line` is the physical line it starts on, counting from 1. */
export interface CsvRecord {
  line: number;
  values: string[];
  raw: string;
}

/** A record the parser could not read; after a fatal one the rest of the file cannot be trusted. */
export interface CsvRecordProblem {
  line: number;
  reason: string;
  raw: string;
  fatal: boolean;
}

type ParserEvent = { values: string[]; raw: string } | { error: unknown; raw: string };

/**
 * Streams the records of a UTF-8 file (a BOM is dropped), the header included, chunk by chunk. Records are
 * taken from csv-parse's callbacks rather than its readable side, so the records parsed just before an error
 * are still delivered and every problem keeps its place in the file.
 */
export async function* readCsvRows(path: string, delimiter: Delimiter): AsyncGenerator<CsvRecord | CsvRecordProblem> {
  const events: ParserEvent[] = [];
  const parser = createParser(delimiter, events);
  let nextLine = 1;
  let headerLength = 0;

  try {
    for await (const chunk of chunksThenEnd(path)) {
      await feed(parser, chunk);
      for (const event of events.splice(0)) {
        const line = nextLine + countLineBreaks(event.raw.match(/^[\r\n]*/)?.[0] ?? '');
        nextLine += countLineBreaks(event.raw);
        if ('values' in event) {
          headerLength ||= event.values.length;
          yield { line, values: event.values, raw: event.raw };
          continue;
        }

        if (!(event.error instanceof CsvError)) throw event.error;
        const problem = describeCsvError(event.error, { line, raw: event.raw, delimiter, headerLength });
        yield problem;
        if (problem.fatal) return;
      }
    }
  } finally {
    parser.destroy();
  }
}

function createParser(delimiter: Delimiter, events: ParserEvent[]): Parser {
  const parser = parse({
    delimiter,
    bom: true,
    raw: true,
    skip_empty_lines: true,
    // A quote inside an unquoted field (`5" screen`) is kept as written instead of failing the file.
    relax_quotes: true,
    // Bad records come to on_skip in order, and parsing goes on; we decide which problems are fatal.
    skip_records_with_error: true,
    on_record: (record) => {
      // With `raw: true` csv-parse hands on_record `{ record, raw }`; its typings only know the plain array.
      const { record: values, raw } = record as unknown as { record: string[]; raw: string };
      events.push({ values, raw });
      return null;
    },
    on_skip: (error, raw) => {
      events.push({ error, raw: raw ?? '' });
    },
  });
  // Failures reach the caller through feed's callbacks; this listener only stops Node treating them as unhandled.
  parser.on('error', () => {});
  return parser;
}

/** The file's chunks, then null for "end of input", so the parser's last record flushes inside the same loop. */
async function* chunksThenEnd(path: string): AsyncGenerator<Buffer | null> {
  for await (const chunk of createReadStream(path)) yield chunk as Buffer;
  yield null;
}

function feed(parser: Parser, chunk: Buffer | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error | null) => (error ? reject(error) : resolve());
    if (chunk) parser.write(chunk, done);
    else parser.end(done);
  });
}
