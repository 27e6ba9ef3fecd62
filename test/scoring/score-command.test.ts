import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/winback.js');

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.account.createMany({
    data: [
      { source: 'test', externalId: 'a', status: 'active', mrrMinor: 4900, totalPaidMinor: 49_000 },
      { source: 'test', externalId: 'b', status: 'churned', mrrMinor: 9900, totalPaidMinor: 9900 },
      { source: 'test', externalId: 'c', status: 'churned', mrrMinor: 1900, totalPaidMinor: 1900 },
    ],
  });
});

describe('winback score', () => {
  it('rescores every account and prints what the scores add up to', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'winback-score-'));
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      DATABASE_URL: db.url,
      WINBACK_MONTHLY_CHURN_RATE: '0.05',
    };

    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'score'], { cwd, env });

    expect(stdout).toMatch(/^Scored 3 accounts \(full\) in \d+\.\d s; 3 changed\.\n/);
    expect(stdout).toContain('Monthly churn rate 0.05 (WINBACK_MONTHLY_CHURN_RATE).');
    expect(stdout).toContain('Pareto priority:\n  USD: 1 of 2 churned accounts carry 80% of the lost value');
    expect(await db.prisma.account.count({ where: { score: null } })).toBe(0);
  });
});
