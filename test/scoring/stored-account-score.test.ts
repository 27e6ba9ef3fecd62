import { beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../accounts/seed-account.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});

const scoreIds = async () =>
  (await db.prisma.storedAccountScore.findMany({ select: { accountId: true } })).map((row) => row.accountId).sort();

describe('StoredAccountScore, which has no foreign key to Account', () => {
  it('loses the scores of accounts deleted one by one or many at once, and keeps the others', async () => {
    const kept = await seedAccount(db.prisma, { clvMinor: 100 });
    const deletedAlone = await seedAccount(db.prisma, { clvMinor: 200 });
    const deletedTogether = [
      await seedAccount(db.prisma, { clvMinor: 300 }),
      await seedAccount(db.prisma, { clvMinor: 400 }),
    ];
    expect(await scoreIds()).toHaveLength(4);

    await db.prisma.account.delete({ where: { id: deletedAlone.id } });
    await db.prisma.account.deleteMany({ where: { id: { in: deletedTogether.map((account) => account.id) } } });

    expect(await scoreIds()).toEqual([kept.id]);
    await db.prisma.account.delete({ where: { id: kept.id } });
  });

  it('loses every score when the accounts are truncated', async () => {
    await seedAccount(db.prisma, { clvMinor: 100 });
    expect(await scoreIds()).not.toEqual([]);

    await db.prisma.$executeRawUnsafe('TRUNCATE "Account" CASCADE');

    expect(await scoreIds()).toEqual([]);
  });

  it('takes a score without waiting for an account that ingest holds locked', async () => {
    // Scored once already, so that its currency has its CLV inputs.
    await seedAccount(db.prisma, { clvMinor: 1 });
    const account = await seedAccount(db.prisma);
    const ingest = await db.pool.connect();
    try {
      await ingest.query('BEGIN');
      await ingest.query('SELECT 1 FROM "Account" WHERE id = $1 FOR UPDATE', [account.id]);
      // A foreign key's check would wait here for ingest's lock (a key-share lock on the account).
      const written = db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '2s'`);
        return tx.storedAccountScore.create({
          data: {
            accountId: account.id,
            currency: account.currency,
            paretoPriority: false,
            rfmRecency: 3,
            rfmFrequency: 3,
            rfmMonetary: 3,
            rfmSegment: 'need_attention',
            revenueSoFarMinor: 5000,
            revenueSource: 'total_paid',
            scoredAt: new Date(),
          },
        });
      });
      await expect(written).resolves.toMatchObject({ accountId: account.id });
    } finally {
      await ingest.query('ROLLBACK');
      ingest.release();
    }
    const scored = await db.prisma.account.findUniqueOrThrow({ where: { id: account.id }, include: { score: true } });
    expect(scored.score?.clvMinor).toBe(5000n);
  });
});
