import { beforeAll, describe, expect, it } from 'vitest';
import { addSegment } from '../../src/segments/add-segment.ts';
import { listSegments } from '../../src/segments/list-segments.ts';
import type { SegmentFilter } from '../../src/segments/segment-filter.ts';
import { segmentWhere } from '../../src/segments/segment-where.ts';
import { type SeedFields, seedAccount } from '../accounts/seed-account.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const ZONE = 'Europe/Berlin';
let db: TestDatabase;

const account = (externalId: string, data: SeedFields): SeedFields => ({ externalId, mrrMinor: 4900, ...data });

beforeAll(async () => {
  db = await createTestDatabase();
  const accounts = [
    account('price-oct', {
      status: 'churned',
      churnReason: 'price',
      churnedAt: new Date('2026-10-05T08:00:00Z'),
      plan: 'Pro',
      clvMinor: 80_000,
      rfmSegment: 'at_risk',
      lostMrrMinor: 9900,
      totalPaidMinor: 50_000,
      attributes: { Contract: 'Month-to-month' },
    }),
    // Churned at 23:30 UTC on 30 September: already 1 October in Berlin.
    account('price-edge', { status: 'churned', churnReason: 'price', churnedAt: new Date('2026-09-30T23:30:00Z') }),
    // No churn date (an imported file): when winback first saw it churned counts.
    account('undated', { status: 'churned', churnReason: 'price', churnSeenAt: new Date('2026-11-02T09:00:00Z') }),
    account('support-sep', {
      status: 'churned',
      churnReason: 'support',
      churnedAt: new Date('2026-09-10T08:00:00Z'),
    }),
    account('trial', { status: 'churned', totalPaidMinor: 0, plan: 'Pro', currency: 'EUR', mrrMinor: 1900 }),
    account('trial-plan', { status: 'churned', plan: 'Free trial' }),
    account('no-data', { status: 'churned' }),
    account('active', { status: 'active', plan: 'Team', clvMinor: 500_000, attributes: { Contract: 'One year' } }),
  ];
  for (const data of accounts) await seedAccount(db.prisma, data);
  const wanted = await db.prisma.account.findUniqueOrThrow({
    where: { source_externalId: { source: 'test', externalId: 'active' } },
  });
  await db.prisma.feedback.create({
    data: {
      accountId: wanted.id,
      authorSlackId: 'U0123ABCD',
      reason: 'missing_feature',
      source: 'call',
      requestedFeature: 'Single sign-on (SAML)',
    },
  });
});

async function matching(filter: SegmentFilter): Promise<string[]> {
  const rows = await db.prisma.account.findMany({ where: segmentWhere(filter, ZONE), orderBy: { externalId: 'asc' } });
  return rows.map((row) => row.externalId);
}

describe('segmentWhere', () => {
  it.each<[string, SegmentFilter, string[]]>([
    ['reason', { reasons: ['price'] }, ['price-edge', 'price-oct', 'undated']],
    [
      'churned on or after a day, in the team zone',
      { churnedAfter: '2026-10-01' },
      ['price-edge', 'price-oct', 'undated'],
    ],
    ['churned before a day, exclusive', { churnedBefore: '2026-10-01' }, ['support-sep']],
    [
      'churned between, the first-seen stamp standing in for a missing date',
      { churnedAfter: '2026-11-01', churnedBefore: '2026-12-01' },
      ['undated'],
    ],
    ['plan', { plans: ['Pro'] }, ['price-oct', 'trial']],
    ['CLV at least, inclusive', { clvAtLeastMinor: 80_000 }, ['active', 'price-oct']],
    ['RFM segment', { rfmSegments: ['at_risk'] }, ['price-oct']],
    ['requested feature, any case, any part', { requestedFeature: 'sign-on' }, ['active']],
    ['trial never converted: churned with nothing paid', { trialNeverConverted: true }, ['trial', 'trial-plan']],
    ['attribute equals', { attributes: { Contract: 'Month-to-month' } }, ['price-oct']],
    [
      'every criterion at once',
      { reasons: ['price'], churnedAfter: '2026-10-01', clvAtLeastMinor: 50_000 },
      ['price-oct'],
    ],
  ])('%s', async (_rule, filter, expected) => {
    expect(await matching(filter)).toEqual(expected);
  });
});

describe('listSegments', () => {
  it('counts each segment and adds up its churned accounts’ lost MRR per currency', async () => {
    await addSegment(db.prisma, {
      name: 'no-payment',
      description: null,
      filter: { trialNeverConverted: true },
      createdBy: 'test',
    });
    await addSegment(db.prisma, {
      name: 'price',
      description: 'Price',
      filter: { reasons: ['price'] },
      createdBy: 'test',
    });

    expect(await listSegments(db.prisma, ZONE)).toEqual([
      {
        name: 'no-payment',
        description: null,
        accounts: 2,
        lostMrr: expect.arrayContaining([
          { minor: 1900, currency: 'EUR' },
          { minor: 4900, currency: 'USD' },
        ]),
      },
      // Recorded lost MRR where ingest wrote it (9,900), the last MRR where not (4,900 × 2).
      {
        name: 'price',
        description: 'Price',
        accounts: 3,
        lostMrr: [
          { minor: 9900, currency: 'USD' },
          { minor: 9800, currency: 'USD' },
        ],
      },
    ]);
  });

  it('refuses a second segment with a taken name', async () => {
    const again = addSegment(db.prisma, {
      name: 'price',
      description: null,
      filter: { plans: ['Pro'] },
      createdBy: 'test',
    });
    await expect(again).rejects.toMatchObject({
      code: 'segment_exists',
      message: 'A segment named "price" exists already; pick another name.',
    });
  });
});
