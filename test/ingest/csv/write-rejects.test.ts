import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeRejects } from '../../../src/ingest/csv/write-rejects.ts';
import { importCsv, useTempFiles } from './csv-test-files.ts';

const write = useTempFiles();

describe('writeRejects', () => {
  it('writes line, reason and the record as written, quoted so the rejects file reads back as CSV', async () => {
    const source = await write('source.csv', 'id,name,mrr\nacc_1,"Ada, ""the"" first\nLovelace",x\nacc_2,Bob,5\n');
    const items = await importCsv(source, { currency: 'USD' });
    const rejects = items.filter((item) => 'problem' in item);
    const path = join(source, '..', 'rejects.csv');

    await writeRejects(path, rejects);

    const rows = parse(await readFile(path, 'utf8'));
    expect(rows).toEqual([
      ['line', 'reason', 'record'],
      ['2', 'mrr: expected a number, got "x"', 'acc_1,"Ada, ""the"" first\nLovelace",x'],
    ]);
  });
});
