import type { PrismaClient } from '../db/prisma.ts';
import { WinbackError } from '../errors.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { type SegmentFilter, segmentFilterSchema, segmentNameSchema } from './segment-filter.ts';

export interface NewSegment {
  name: string;
  description: string | null;
  filter: SegmentFilter;
  /** Who saved it: a Slack user id, or `cli`. */
  createdBy: string;
}

/** Saves a segment under a name not taken yet; a taken name is refused, never overwritten. */
export async function addSegment(prisma: PrismaClient, segment: NewSegment): Promise<void> {
  const name = segmentNameSchema.parse(segment.name);
  const filter = segmentFilterSchema.parse(segment.filter);
  try {
    await prisma.savedSegment.create({
      data: { name, description: segment.description, filter, createdBy: segment.createdBy },
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    const message = `A segment named "${name}" exists already; pick another name.`;
    throw new WinbackError('segment_exists', message, { userMessage: message });
  }
}
