import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CsvImportFlags, parseImportOptions } from '../../src/ingest/csv/parse-import-options.ts';
import { importCsv } from '../../src/ingest/import-csv.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { useTempFiles } from './csv/csv-test-files.ts';

const write = useTempFiles();
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

async function importFile(file: string, flags: Partial<CsvImportFlags> & { source: string }, skipInvalid = false) {
  const options = parseImportOptions({ kind: 'accounts', ...flags });
  if (!options.ok) throw new Error(options.errors.join('\n'));
  return importCsv(db, { file, options: options.value, skipInvalid, rejectsPath: `${file}.rejects.csv` });
}

const accountsFrom = (source: string) => db.prisma.account.count({ where: { source } });

/** `count` valid account rows after a header, ids acct-0 … */
function goodRows(count: number): string {
  return Array.from({ length: count }, (_, i) => `acct-${i},${10 + (i % 90)}.50,USD\n`).join('');
}

/** Runs `work` while the database refuses any account whose id is refuse-me, as a constraint of its own would. */
async function withRefusedAccount<T>(work: () => Promise<T>): Promise<T> {
  await db.prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION refuse_account() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW."externalId" = 'refuse-me' THEN RAISE EXCEPTION 'account refused for this test'; END IF;
      RETURN NEW;
    END $$`);
  await db.prisma.$executeRawUnsafe(
    'CREATE TRIGGER refuse BEFORE INSERT ON "Account" FOR EACH ROW EXECUTE FUNCTION refuse_account()',
  );
  try {
    return await work();
  } finally {
    await db.prisma.$executeRawUnsafe('DROP TRIGGER refuse ON "Account"');
  }
}

describe('importCsv', () => {
  it('stores every value as written, whatever characters it holds', async () => {
    const names = ['Quote " Inc', 'Back\\slash', '{Braces}', 'NULL', 'Comma, Ltd', 'Zoë 株式会社', 'Two\nlines'];
    const csv = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const rows = names.map((name, i) => `odd-${i},${csv(name)},${csv(`"${name}"`)},2024-03-31T14:00:00+02:00`);
    const file = await write('odd-values.csv', `id,name,segment,startedAt\n${rows.join('\n')}\n`);

    const summary = await importFile(file, { source: 'odd', attributes: 'segment' });

    expect(summary).toMatchObject({ rows: names.length, inserted: names.length, written: true });
    const stored = await db.prisma.account.findMany({
      where: { source: 'odd' },
      orderBy: { externalId: 'asc' },
      select: { name: true, attributes: true, startedAt: true },
    });
    expect(stored).toEqual(
      names.map((name) => ({
        name,
        attributes: { segment: `"${name}"` },
        startedAt: new Date('2024-03-31T12:00:00Z'),
      })),
    );
  });

  it('writes nothing when a bad row comes after batches already sent', async () => {
    const file = await write('late-bad-row.csv', `id,mrr,currency\n${goodRows(4500)}late,12.5O,USD\n`);

    const summary = await importFile(file, { source: 'late-bad' });

    expect(summary).toMatchObject({ rows: 4501, written: false, inserted: 0, rejected: 1 });
    expect(summary.problems.map((problem) => problem.problem)).toEqual([
      'line 4502: mrr: expected a number, got "12.5O"',
    ]);
    expect(await accountsFrom('late-bad')).toBe(0);
  });

  it('fails, and writes nothing, when PostgreSQL refuses a batch while the next one is read', async () => {
    // The first batch fails in flight: the database refuses one of its rows.
    const file = await write('refused.csv', `id,mrr,currency\nrefuse-me,10,USD\n${goodRows(6000)}`);

    await expect(withRefusedAccount(() => importFile(file, { source: 'refused' }))).rejects.toThrow(
      /refused for this test/,
    );
    expect(await accountsFrom('refused')).toBe(0);
  });

  it('refuses a row with a NUL character in any cell, with its line and column, and writes nothing', async () => {
    const file = await write(
      'nul.csv',
      `id,mrr,currency,segment\n${goodRows(2).replaceAll('\n', ',a\n')}n1,1,USD,A\u0000B\n`,
    );

    const summary = await importFile(file, { source: 'nul', attributes: 'segment' });

    expect(summary.problems.map((problem) => problem.problem)).toEqual([
      'line 4: segment: expected text without NUL characters (\\u0000)',
    ]);
    expect(await accountsFrom('nul')).toBe(0);
  });

  it('lists a row with a NUL character among the rejects with skipInvalid, and imports the others', async () => {
    const file = await write(
      'nul-skip.csv',
      `id,name,mrr,currency\nok-1,Ada,1,USD\nbad,A\u0000B,1,USD\nok-2,Bo,1,USD\n`,
    );

    const summary = await importFile(file, { source: 'nul-skip' }, true);

    expect(summary).toMatchObject({ written: true, inserted: 2, rejected: 1 });
    expect(await readFile(`${file}.rejects.csv`, 'utf8')).toContain('name: expected text without NUL characters');
    expect(await accountsFrom('nul-skip')).toBe(2);
  });

  it('refuses an amount larger than the integer column of minor units holds, with its line', async () => {
    const file = await write('too-large.csv', `id,mrr,currency\n${goodRows(3)}huge,30000000.00,USD\n`);

    const summary = await importFile(file, { source: 'too-large' });

    expect(summary.problems.map((problem) => problem.problem)).toEqual([
      'line 5: mrr: expected at most 21,474,836.47 USD, got "30000000.00"',
    ]);
    expect(await accountsFrom('too-large')).toBe(0);
  });

  it('reports a batch PostgreSQL refused rather than a bad row read after it', async () => {
    const rows = `refuse-me,10,USD\n${goodRows(2500)}late,abc,USD\n`;
    const file = await write('refused-then-bad.csv', `id,mrr,currency\n${rows}`);

    await expect(withRefusedAccount(() => importFile(file, { source: 'refused-then-bad' }))).rejects.toThrow(
      /refused for this test/,
    );
    expect(await accountsFrom('refused-then-bad')).toBe(0);
  });

  it('refuses a file that turns unreadable after more problems than it shows, even with skipInvalid', async () => {
    const bad = Array.from({ length: 25 }, (_, i) => `bad-${i},abc,USD\n`).join('');
    const file = await write('late-unreadable.csv', `id,mrr,currency\n${goodRows(10)}${bad}cut,"12\n`);

    const summary = await importFile(file, { source: 'late-unreadable' }, true);

    expect(summary).toMatchObject({ written: false, rejected: 26, rejectsPath: null });
    expect(summary.problems).toHaveLength(20);
    expect(await accountsFrom('late-unreadable')).toBe(0);
  });

  it('imports the valid rows of a large file with skipInvalid, and lists the others in file order', async () => {
    const file = await write('mixed-large.csv', `id,mrr,currency\n${goodRows(3000)}bad-1,abc,USD\n${goodRows(5)}`);

    const summary = await importFile(file, { source: 'mixed-large' }, true);

    expect(summary).toMatchObject({ rows: 3006, inserted: 3000, unchanged: 5, rejected: 1, written: true });
    expect(await readFile(`${file}.rejects.csv`, 'utf8')).toBe(
      'line,reason,record\n3002,"mrr: expected a number, got ""abc""","bad-1,abc,USD"\n',
    );
    expect(await accountsFrom('mixed-large')).toBe(3000);
  });

  it('applies a payments file in the same transaction as its accounts', async () => {
    const file = await write(
      'payments.csv',
      'accountId,invoiceId,amount,currency,failedAt\nacct-1,in_1,49.00,USD,2024-03-01\nacct-2,in_2,19.00,USD,2024-03-02\n',
    );
    const options = parseImportOptions({ kind: 'payments', source: 'pay' });
    if (!options.ok) throw new Error(options.errors.join('\n'));

    const summary = await importCsv(db, { file, options: options.value, skipInvalid: false, rejectsPath: '' });

    expect(summary).toMatchObject({ rows: 2, updated: 2, written: true });
    const failures = await db.prisma.paymentFailure.findMany({
      where: { account: { source: 'pay' } },
      orderBy: { invoiceId: 'asc' },
      select: { invoiceId: true, amountMinor: true },
    });
    expect(failures).toEqual([
      { invoiceId: 'in_1', amountMinor: 4900 },
      { invoiceId: 'in_2', amountMinor: 1900 },
    ]);
  });
});
