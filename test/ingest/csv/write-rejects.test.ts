import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { RejectsFile } from '../../../src/ingest/csv/write-rejects.ts';
import { importCsv, useTempFiles } from './csv-test-files.ts';

const write = useTempFiles();

describe('RejectsFile', () => {
  it('writes line, reason and the record as written, quoted so the rejects file reads back as CSV', async () => {
    const source = await write('source.csv', 'id,name,mrr\nacc_1,"Ada, ""the"" first\nLovelace",x\nacc_2,Bob,5\n');
    const items = await importCsv(source, { currency: 'USD' });
    const path = join(source, '..', 'rejects.csv');
    const rejects = new RejectsFile(path);

    for (const item of items) if ('problem' in item) await rejects.add(item);

    expect(await rejects.keep()).toBe(true);
    const rows = parse(await readFile(path, 'utf8'));
    expect(rows).toEqual([
      ['line', 'reason', 'record'],
      ['2', 'mrr: expected a number, got "x"', 'acc_1,"Ada, ""the"" first\nLovelace",x'],
    ]);
  });

  it('leaves no file behind when the import is refused, or when no row was rejected', async () => {
    const dir = dirname(await write('placeholder.txt', ''));
    const refused = new RejectsFile(join(dir, 'refused.csv'));
    await refused.add({ line: 2, reason: 'mrr: expected a number, got "x"', raw: 'acc_1,x' });
    const clean = new RejectsFile(join(dir, 'clean.csv'));

    await refused.discard();

    expect(await clean.keep()).toBe(false);
    for (const name of ['refused.csv', 'refused.csv.partial', 'clean.csv']) {
      await expect(access(join(dir, name))).rejects.toThrow(/ENOENT/);
    }
  });
});
