import type { PrismaClient } from '../db/prisma.ts';
import type { RfmSegment } from '../domain/scoring/rfm-segments.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { type AccountLine, accountLineInclude, mostValuableFirst, toAccountLine } from './account-line.ts';

export const LIST_FILTERS = ['churned', 'failed', 'unclaimed', 'mine'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface ListOptions {
  /**
   * churned: status churned; failed: an open payment failure; unclaimed: either, with no owner;
   * mine: owned by userId.
   */
  filter: ListFilter;
  /** Only accounts of this RFM segment; null for every segment. */
  segment: RfmSegment | null;
  userId: string;
  /** Lines at most; `total` still counts them all. */
  limit: number;
}

const hasOpenFailure: Prisma.AccountWhereInput = { paymentFailures: { some: { status: 'open' } } };
const active = { activeAccountId: { not: null } };

function filterWhere(filter: ListFilter, userId: string): Prisma.AccountWhereInput {
  switch (filter) {
    case 'churned':
      return { status: 'churned' };
    case 'failed':
      return hasOpenFailure;
    case 'unclaimed':
      return { OR: [{ status: 'churned' }, hasOpenFailure], claims: { none: active } };
    case 'mine':
      return { claims: { some: { ...active, ownerSlackId: userId } } };
  }
}

/** The accounts a `/winback list` asks for, most valuable first, with how many there are in all. */
export async function listAccounts(
  prisma: PrismaClient,
  options: ListOptions,
): Promise<{ lines: AccountLine[]; total: number }> {
  const where: Prisma.AccountWhereInput = {
    ...filterWhere(options.filter, options.userId),
    ...(options.segment ? { score: { rfmSegment: options.segment } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.account.findMany({
      where,
      orderBy: [...mostValuableFirst],
      take: options.limit,
      include: accountLineInclude,
    }),
    prisma.account.count({ where }),
  ]);
  return { lines: rows.map(toAccountLine), total };
}
