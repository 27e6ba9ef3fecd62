import type { PrismaClient } from '../db/prisma.ts';
import { measureSegment, type SegmentSize } from './measure-segment.ts';
import { segmentFilterSchema } from './segment-filter.ts';
import { segmentWhere } from './segment-where.ts';

export interface SegmentListing extends SegmentSize {
  name: string;
  description: string | null;
}

/** Every saved segment, by name, with its account count and lost MRR now; day bounds read in `zone`. */
export async function listSegments(prisma: PrismaClient, zone: string): Promise<SegmentListing[]> {
  const segments = await prisma.savedSegment.findMany({ orderBy: { name: 'asc' } });
  return Promise.all(
    segments.map(async (segment) => {
      const where = segmentWhere(segmentFilterSchema.parse(segment.filter), zone);
      return { name: segment.name, description: segment.description, ...(await measureSegment(prisma, where)) };
    }),
  );
}
