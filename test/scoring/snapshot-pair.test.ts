import { beforeAll, describe, expect, it } from 'vitest';
import { inSnapshotPair } from '../../src/scoring/snapshot-pair.ts';
import { seedAccount } from '../accounts/seed-account.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

describe('inSnapshotPair', () => {
  it('gives both connections the snapshot of the first, whatever commits in between', async () => {
    await seedAccount(db.prisma);
    const count = 'SELECT count(*)::int4 AS n FROM "Account"';

    const [first, second] = await inSnapshotPair(db.prisma, async (one, two) => {
      const before = await one<{ n: number }>(count, []);
      await seedAccount(db.prisma);
      return [before[0]?.n, (await two<{ n: number }>(count, []))[0]?.n];
    });

    expect(second).toBe(first);
    expect(await db.prisma.account.count()).toBe((first ?? 0) + 1);
  });
});
