import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../accounts/seed-account.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/winback.js');
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

async function digest(out?: string) {
  // An empty working directory, so no developer's .env leaks in; the test's database.
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'winback-digest-'));
  const env = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DATABASE_URL: db.url };
  const args = [BIN, 'digest', '--preview', '--out', out ?? path.join(cwd, 'preview.json')];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
const preview = async () => (await digest()).stdout;

describe('winback digest --preview', () => {
  it('says how many accounts are not scored yet, since the digest cannot list them', async () => {
    const churnedAt = new Date(Date.now() - 3_600_000);
    await seedAccount(db.prisma, { status: 'churned', churnedAt, churnSeenAt: churnedAt, mrrMinor: 4900 });
    await seedAccount(db.prisma, { status: 'churned', churnedAt, churnSeenAt: churnedAt, mrrMinor: 9900 });

    expect(await preview()).toContain('Note: 2 account(s) are not scored yet, so the digest leaves them out.');

    await db.prisma.account.deleteMany();
    await seedAccount(db.prisma, { status: 'churned', churnedAt, churnSeenAt: churnedAt, paretoPriority: true });
    expect(await preview()).not.toContain('not scored yet');
  });

  it('names the file it could not write, without a stack', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'winback-digest-out-'));

    const result = await digest(folder);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not write the digest's Block Kit JSON to ${folder}: EISDIR`);
    expect(result.stderr).not.toContain('    at ');
  });
});
