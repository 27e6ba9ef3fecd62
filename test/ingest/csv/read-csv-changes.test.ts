import { describe, expect, it } from 'vitest';
import type { AccountUpsert } from '../../../src/ingest/changes.ts';
import { changesOf, IMPORTED_AT, importCsv, problemsOf, useTempFiles } from './csv-test-files.ts';

const write = useTempFiles();

function fieldsOf(items: Awaited<ReturnType<typeof importCsv>>) {
  return changesOf(items).map(({ change }) => (change as AccountUpsert).fields);
}

describe('readCsvChanges on accounts files', () => {
  it('reads a comma file mapped by same-name columns, in any case', async () => {
    const path = await write(
      'same-name.csv',
      'ID,Name,Email,MRR,Currency,Status\nacc_1,Ada,ada@example.com,12.50,eur,active\n',
    );
    const items = await importCsv(path);
    expect(items).toEqual([
      {
        line: 2,
        change: {
          kind: 'account.upsert',
          account: { source: 'csv', externalId: 'acc_1' },
          observedAt: IMPORTED_AT,
          fields: { name: 'Ada', email: 'ada@example.com', status: 'active', currency: 'EUR', mrrMinor: 1250 },
        },
      },
    ]);
  });

  it('rejects a number with a letter in it, quoting the raw value', async () => {
    const path = await write('bad-number.csv', 'id;mrr\nacc_1;12,50\nacc_2;12,5O\n');
    const items = await importCsv(path, { currency: 'EUR' });
    expect(problemsOf(items)).toEqual(['line 3: mrr: expected a number, got "12,5O"']);
  });

  it('refuses a tenure of more than a century, which would make revenue so far inexact', async () => {
    const path = await write('tenure.csv', 'id,tenureMonths\nacc_1,1200\nacc_2,1201\n');
    const items = await importCsv(path, { currency: 'USD' });
    expect(problemsOf(items)).toEqual(['line 3: tenureMonths: expected at most 1,200 months, got "1201"']);
    expect(fieldsOf(items)).toEqual([{ tenureMonths: 1200 }]);
  });

  it('reads decimal commas in a semicolon file', async () => {
    const path = await write('semicolon.csv', 'id;mrr;totalPaid\nacc_1;12,5;1234,56\nacc_2;7;0,1\n');
    const fields = fieldsOf(await importCsv(path, { currency: 'EUR' }));
    expect(fields.map(({ mrrMinor, totalPaidMinor }) => [mrrMinor, totalPaidMinor])).toEqual([
      [1250, 123456],
      [700, 10],
    ]);
  });

  it('refuses a decimal comma in a comma file, and thousands separators anywhere', async () => {
    const path = await write('commas.csv', 'id,mrr\nacc_1,"12,50"\nacc_2,"1,234.50"\n');
    const semicolons = await write('thousands.csv', 'id;mrr\nacc_3;1.234,50\n');
    expect(problemsOf(await importCsv(path, { currency: 'USD' }))).toEqual([
      'line 2: mrr: expected a number with a decimal point, got "12,50" (a decimal comma is read only in ' +
        'semicolon-separated files)',
      'line 3: mrr: expected a number without thousands separators, got "1,234.50"',
    ]);
    expect(problemsOf(await importCsv(semicolons, { currency: 'EUR' }))).toEqual([
      'line 2: mrr: expected a number without thousands separators, got "1.234,50"',
    ]);
  });

  it('refuses more decimals than the currency has, naming a likely thousands separator', async () => {
    const path = await write('decimals.csv', 'id,mrr\nacc_1,1.234\nacc_2,9.999\n');
    expect(problemsOf(await importCsv(path, { currency: 'USD' }))).toEqual([
      'line 2: mrr: expected at most 2 decimals for USD, got "1.234" (thousands separators are not read)',
      'line 3: mrr: expected at most 2 decimals for USD, got "9.999" (thousands separators are not read)',
    ]);
  });

  it('reads JPY amounts as whole yen, and refuses yen with decimals', async () => {
    const path = await write('jpy.csv', 'id,mrr,currency\nacc_1,4980,JPY\nacc_2,4980.5,JPY\nacc_3,49.80,USD\n');
    const items = await importCsv(path);
    expect(fieldsOf(items).map(({ mrrMinor, currency }) => [mrrMinor, currency])).toEqual([
      [4980, 'JPY'],
      [4980, 'USD'],
    ]);
    expect(problemsOf(items)).toEqual(['line 3: mrr: expected a whole amount, as JPY has no minor unit, got "4980.5"']);
  });

  it('reads minor units as they are, and refuses a fraction of a cent', async () => {
    const path = await write('minor.csv', 'id,mrr\nacc_1,1250\nacc_2,12.50\n');
    const items = await importCsv(path, { currency: 'USD', amounts: 'minor' });
    expect(fieldsOf(items).map(({ mrrMinor }) => mrrMinor)).toEqual([1250]);
    expect(problemsOf(items)).toEqual([
      'line 3: mrr: expected a whole number of minor units (such as cents), got "12.50"',
    ]);
  });

  it('lets a row currency win over --currency, and uses --currency for a blank cell', async () => {
    const path = await write('currency.csv', 'id,mrr,currency\nacc_1,10,GBP\nacc_2,10,\n');
    const fields = fieldsOf(await importCsv(path, { currency: 'USD' }));
    expect(fields.map(({ currency }) => currency)).toEqual(['GBP', 'USD']);
  });

  it('refuses a blank currency cell when there is no --currency to fall back on', async () => {
    const path = await write('blank-currency.csv', 'id,mrr,currency\nacc_1,10,\nacc_2,10,usd\n');
    const items = await importCsv(path);
    expect(problemsOf(items)).toEqual(['line 2: currency: expected a currency code such as USD, got ""']);
    expect(fieldsOf(items)).toEqual([{ currency: 'USD', mrrMinor: 1000 }]);
  });

  it('reads --date-format dates at midnight in --timezone, and ISO offsets as written', async () => {
    const path = await write('dates.csv', 'id,startedAt,churnedAt\nacc_1,31/03/2024,01/04/2024\nacc_2,2024-03-31,\n');
    const items = await importCsv(path, { dateFormat: 'dd/MM/yyyy', timezone: 'America/New_York' });
    expect(fieldsOf(items)[0]).toEqual({
      startedAt: new Date('2024-03-31T04:00:00Z'),
      churnedAt: new Date('2024-04-01T04:00:00Z'),
    });
    expect(problemsOf(items)).toEqual([
      'line 3: startedAt: expected a date in the format dd/MM/yyyy, got "2024-03-31"',
    ]);

    const iso = await write('iso.csv', 'id,lastPaymentAt\nacc_1,2024-03-31T14:00:00+02:00\nacc_2,2024-03-31 14:00\n');
    const isoFields = fieldsOf(await importCsv(iso, { timezone: 'Asia/Tokyo' }));
    expect(isoFields.map(({ lastPaymentAt }) => lastPaymentAt)).toEqual([
      new Date('2024-03-31T12:00:00Z'),
      new Date('2024-03-31T05:00:00Z'),
    ]);
  });

  it('maps churned yes/no to a status, and reads churn reasons from the taxonomy', async () => {
    const path = await write(
      'churn.csv',
      'id,churned,churnReason\nacc_1,Yes,Missing feature\nacc_2,no,\nacc_3,yes,cost\n',
    );
    const items = await importCsv(path);
    expect(fieldsOf(items)).toEqual([
      { status: 'churned', churnedAt: null, churnReason: 'missing_feature' },
      { status: 'active', churnReason: null },
    ]);
    expect(problemsOf(items)).toEqual([
      'line 4: churnReason: expected one of price, missing_feature, support, competitor, usability, involuntary, ' +
        'unused, low_quality, other, got "cost"',
    ]);
  });

  it('reports every bad cell of a row in one problem, in field order, cutting values past 40 characters', async () => {
    const long = 'x'.repeat(60);
    const path = await write('many.csv', `id,email,seats,timezone\nacc_1,${long},2.5,Mars/Base\n`);
    expect(problemsOf(await importCsv(path))).toEqual([
      `line 2: email: expected an email address, got "${'x'.repeat(40)}…"; ` +
        'timezone: expected an IANA time zone such as Europe/Paris, got "Mars/Base"; ' +
        'seats: expected a whole number, got "2.5"',
    ]);
  });

  it('keeps line numbers right after a quoted field with line breaks', async () => {
    const path = await write('newline.csv', 'id,name,mrr\nacc_1,"Ada\nLovelace",1\nacc_2,Bob,x\n');
    const items = await importCsv(path, { currency: 'USD' });
    expect(fieldsOf(items)[0]?.name).toBe('Ada\nLovelace');
    expect(problemsOf(items)).toEqual(['line 4: mrr: expected a number, got "x"']);
  });

  it('reads a file that starts with a BOM, the first column included', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const path = await write('bom.csv', Buffer.concat([bom, Buffer.from('id;mrr\r\nacc_1;9,90\r\n')]));
    const items = await importCsv(path, { currency: 'EUR' });
    expect(changesOf(items).map(({ line, change }) => [line, change.account?.externalId])).toEqual([[2, 'acc_1']]);
  });

  it('skips rows whose cells are all empty', async () => {
    const path = await write('padded.csv', 'id,name\nacc_1,A\n,\n , \n');
    expect(await importCsv(path)).toHaveLength(1);
  });
});
