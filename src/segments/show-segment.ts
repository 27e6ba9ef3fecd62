import { type AccountLine, accountLineInclude, mostValuableFirst, toAccountLine } from '../accounts/account-line.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { measureSegment, type SegmentSize } from './measure-segment.ts';
import { segmentFilterSchema } from './segment-filter.ts';
import { segmentWhere } from './segment-where.ts';

export interface SegmentAccounts extends SegmentSize {
  name: string;
  description: string | null;
  /** The most valuable accounts first: the Pareto priority ones, then by CLV, lost MRR, MRR. */
  top: AccountLine[];
}

export type ShowSegmentResult = ({ status: 'found' } & SegmentAccounts) | { status: 'unknown'; known: string[] };

/** A saved segment's top `limit` accounts and its size; for an unknown name, the names there are. */
export async function showSegment(
  prisma: PrismaClient,
  name: string,
  options: { zone: string; limit: number },
): Promise<ShowSegmentResult> {
  const segment = await prisma.savedSegment.findUnique({ where: { name: name.toLowerCase() } });
  if (!segment) {
    const known = await prisma.savedSegment.findMany({ orderBy: { name: 'asc' }, select: { name: true } });
    return { status: 'unknown', known: known.map((entry) => entry.name) };
  }

  const where = segmentWhere(segmentFilterSchema.parse(segment.filter), options.zone);
  const [rows, size] = await Promise.all([
    prisma.account.findMany({
      where,
      orderBy: [{ score: { paretoPriority: { sort: 'desc', nulls: 'last' } } }, ...mostValuableFirst],
      take: options.limit,
      include: accountLineInclude,
    }),
    measureSegment(prisma, where),
  ]);
  const top = rows.map(toAccountLine);
  return { status: 'found', name: segment.name, description: segment.description, top, ...size };
}
