import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.ts';

describe('claims', () => {
  it('allow one active claim per account, enforced by the database under 20 concurrent inserts', async () => {
    const { prisma } = await createTestDatabase();
    const account = await prisma.account.create({ data: { source: 'csv', externalId: 'acme' } });

    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        prisma.claim.create({
          data: {
            accountId: account.id,
            activeAccountId: account.id,
            ownerSlackId: `U${i}`,
            claimedBySlackId: `U${i}`,
          },
        }),
      ),
    );

    const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const lost = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const attempt of lost) expect(String(attempt.reason)).toContain('Unique constraint failed');
    expect(await prisma.claim.count({ where: { accountId: account.id } })).toBe(1);
  });

  it('let the account be claimed again once the active claim is released, keeping the history', async () => {
    const { prisma } = await createTestDatabase();
    const account = await prisma.account.create({ data: { source: 'csv', externalId: 'globex' } });
    const first = await prisma.claim.create({
      data: { accountId: account.id, activeAccountId: account.id, ownerSlackId: 'U1', claimedBySlackId: 'U1' },
    });

    await prisma.claim.update({
      where: { id: first.id },
      data: { activeAccountId: null, releasedAt: new Date(), releasedBySlackId: 'U1' },
    });
    await prisma.claim.create({
      data: { accountId: account.id, activeAccountId: account.id, ownerSlackId: 'U2', claimedBySlackId: 'U2' },
    });

    const claims = await prisma.claim.findMany({ where: { accountId: account.id }, orderBy: { claimedAt: 'asc' } });
    expect(claims.map((claim) => [claim.ownerSlackId, claim.activeAccountId])).toEqual([
      ['U1', null],
      ['U2', account.id],
    ]);
  });
});
