import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TELCO_CSV } from '../support/fixtures.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/winback.js');
let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'winback-import-'));
});

async function winback(...args: string[]) {
  const env = { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, WINBACK_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: dir, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function csvFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const accountsFrom = (source: string) => db.prisma.account.count({ where: { source } });

describe('winback import accounts --preset telco', () => {
  it('imports the public Telco data set, and a second import changes nothing', async () => {
    const first = await winback('import', 'accounts', TELCO_CSV, '--preset', 'telco', '--source', 'telco');
    const stamps = await db.prisma.account.findMany({ where: { source: 'telco' }, select: { updatedAt: true } });
    const second = await winback('import', 'accounts', TELCO_CSV, '--preset', 'telco', '--source', 'telco');

    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/: 7043 rows \(7043 inserted, 0 updated, 0 unchanged, 0 rejected\) in \d+\.\d s\.\n/);
    expect(first.stdout).toContain(
      'A running winback rescores the accounts within a minute; `npx winback score` does it now.',
    );
    expect(second.stdout).not.toContain('rescores');
    // A progress line every 5,000 rows read, on stderr so stdout stays the summary.
    expect(first.stderr).toContain('  5,000 rows read…\n');
    expect(second.stdout).toContain('7043 rows (0 inserted, 0 updated, 7043 unchanged, 0 rejected)');
    expect(await db.prisma.account.count({ where: { source: 'telco', status: 'churned' } })).toBe(1869);
    const again = await db.prisma.account.findMany({ where: { source: 'telco' }, select: { updatedAt: true } });
    expect(again).toEqual(stamps);
  });

  it('maps the first Telco row field by field', async () => {
    const account = await db.prisma.account.findUniqueOrThrow({
      where: { source_externalId: { source: 'telco', externalId: '7590-VHVEG' } },
    });
    // 7590-VHVEG,Female,0,Yes,No,1,No,No phone service,DSL,...,Month-to-month,Yes,Electronic check,29.85,29.85,No
    expect(account).toMatchObject({
      mrrMinor: 2985,
      currency: 'USD',
      totalPaidMinor: 2985,
      tenureMonths: 1,
      plan: 'Month-to-month',
      status: 'active',
      churnedAt: null,
      churnSeenAt: null,
    });
  });
});

describe('winback import refuses a broken file and writes nothing', () => {
  it.each([
    [
      'a bad number',
      'id,mrr,currency\nacme,10,USD\nglobex,"12,5O",USD\n',
      [],
      'line 3: mrr: expected a number, got "12,5O"',
    ],
    [
      'a missing column',
      'id,name\nacme,Acme\n',
      ['--map', 'mrr=MonthlyCharges'],
      'line 1: column "MonthlyCharges" (for mrr) is not in the header; the header has: id, name',
    ],
    [
      'a wrong delimiter',
      'id\tname\nacme\tAcme\n',
      [],
      'line 1: the header has one column only, so the delimiter looks wrong: it is separated by tabs',
    ],
    [
      'a truncated quote',
      'id,name\nacme,"Acme\nglobex,Globex\n',
      [],
      'line 2: a quoted field starts here and is never closed',
    ],
  ])('%s', async (_case, text, flags, message) => {
    const source = `broken-${Math.random().toString(36).slice(2, 8)}`;
    const file = await csvFile(`${source}.csv`, text);

    const result = await winback('import', 'accounts', file, '--source', source, ...flags);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Nothing was imported from ${file}`);
    expect(result.stderr).toContain(message);
    expect(await accountsFrom(source)).toBe(0);
  });
});

describe('winback import: columns nothing reads', () => {
  it('names them after the summary, so that a misspelt header does not go unnoticed', async () => {
    const file = await csvFile('misspelt.csv', 'id,nmae,mrr,currency,notes\nacme,Acme,10,USD,call back\n');

    const result = await winback('import', 'accounts', file, '--source', 'misspelt');

    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Columns not imported: nmae, notes. Map one with --map field=column, or keep it with --attributes column.\n',
    );
    expect(await db.prisma.account.findFirst({ where: { source: 'misspelt' } })).toMatchObject({ name: null });
  });

  it('says nothing of the kind when every column is read', async () => {
    const file = await csvFile('all-read.csv', 'id,name,mrr,currency\nacme,Acme,10,USD\n');

    const result = await winback('import', 'accounts', file, '--source', 'all-read');

    expect(result.stdout).not.toContain('Columns not imported');
  });
});

describe('winback import --skip-invalid', () => {
  it('imports the valid rows and writes the rejects with their reasons', async () => {
    const file = await csvFile('mixed.csv', 'id,mrr,currency\nacme,10,USD\nglobex,abc,USD\ninitech,7.5,EUR\n');
    const rejects = path.join(dir, 'mixed.rejects.csv');

    const result = await winback(
      'import',
      'accounts',
      file,
      '--source',
      'mixed',
      '--skip-invalid',
      '--rejects',
      rejects,
    );

    expect(result.stdout).toContain('3 rows (2 inserted, 0 updated, 0 unchanged, 1 rejected)');
    expect(result.stdout).toContain(`1 rejected rows, with reasons, are in ${rejects}.`);
    expect(await readFile(rejects, 'utf8')).toBe(
      'line,reason,record\n3,"mrr: expected a number, got ""abc""","globex,abc,USD"\n',
    );
    expect(await accountsFrom('mixed')).toBe(2);
  });

  it('still refuses a file that cannot be read at all', async () => {
    const file = await csvFile('unreadable.csv', 'id,name\nacme,"Acme\n');
    const result = await winback('import', 'accounts', file, '--source', 'unreadable', '--skip-invalid');
    expect(result.stderr).toContain(
      'the file cannot be read.\n  line 2: a quoted field starts here and is never closed',
    );
    expect(await accountsFrom('unreadable')).toBe(0);
  });
});

describe('winback import usage', () => {
  it('exits 2 naming every bad flag at once', async () => {
    const result = await winback('import', 'accounts', 'x.csv', '--preset', 'nope', '--amounts', 'cents');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--preset: "nope" is not a preset; the presets are: telco');
    expect(result.stderr).toContain('--amounts');
  });
});
