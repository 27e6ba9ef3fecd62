import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../../src/ingest/csv/read-csv-rows.ts';
import { useTempFiles } from './csv-test-files.ts';

const write = useTempFiles();

async function readAll(path: string, delimiter: ',' | ';' = ',') {
  const items = [];
  for await (const item of readCsvRows(path, delimiter)) items.push(item);
  return items;
}

describe('readCsvRows', () => {
  it('numbers records by the physical line they start on, past quoted line breaks and blank lines', async () => {
    const path = await write('multiline.csv', 'id,note\na,"one\ntwo\nthree"\n\nb,plain\n"c","x\r\ny"\nd,last');
    const items = await readAll(path);
    expect(items.map((item) => [item.line, 'values' in item ? item.values : item.reason])).toEqual([
      [1, ['id', 'note']],
      [2, ['a', 'one\ntwo\nthree']],
      [6, ['b', 'plain']],
      [7, ['c', 'x\r\ny']],
      [9, ['d', 'last']],
    ]);
  });

  it('counts CRLF line endings as one line each', async () => {
    const path = await write('crlf.csv', 'id,note\r\na,"x\r\ny"\r\nb,z\r\n');
    const lines = (await readAll(path)).map((item) => item.line);
    expect(lines).toEqual([1, 2, 4]);
  });

  it('keeps line numbers right across chunk boundaries of a large file', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => (i % 100 === 7 ? `r${i},"a\nb"` : `r${i},v`));
    const path = await write('large.csv', `id,note\n${rows.join('\n')}\n`);
    const items = await readAll(path);
    const last = items.at(-1);
    expect(items).toHaveLength(20001);
    // 200 of the 20000 rows take two lines; the file spans several 64 KiB read chunks.
    expect(last && 'values' in last ? [last.line, last.values[0]] : null).toEqual([20201, 'r19999']);
  });

  it('drops a UTF-8 byte order mark from the first header name', async () => {
    const path = await write(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,A\n')]),
    );
    const [header] = await readAll(path);
    expect(header && 'values' in header ? header.values : null).toEqual(['id', 'name']);
  });

  it('reports a row with the wrong column count and reads on', async () => {
    const path = await write('columns.csv', 'id,name\n1,A\n2\n3,C,extra\n4,D\n');
    const items = await readAll(path);
    expect(items.map((item) => ('values' in item ? item.line : `${item.line}: ${item.reason}`))).toEqual([
      1,
      2,
      '3: the row has 1 column but the header has 2',
      '4: the row has 3 columns but the header has 2',
      5,
    ]);
  });

  it('stops at a quote never closed, naming the line the quoted field opens on', async () => {
    const path = await write('truncated.csv', 'id,note\n1,ok\n2,"multi\nline"\n\n3,"never closed\n4,lost\n');
    const items = await readAll(path);
    expect(items.at(-1)).toEqual({
      line: 6,
      reason: 'a quoted field starts here and is never closed',
      raw: '3,"never closed\n4,lost\n',
      fatal: true,
    });
    expect(items.filter((item) => 'values' in item)).toHaveLength(3);
  });

  it('keeps a stray quote inside an unquoted field as written', async () => {
    const path = await write('stray-quote.csv', 'id,name\n1,5" screen\n');
    const [, row] = await readAll(path);
    expect(row && 'values' in row ? row.values : null).toEqual(['1', '5" screen']);
  });
});
