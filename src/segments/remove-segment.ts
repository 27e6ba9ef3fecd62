import type { PrismaClient } from '../db/prisma.ts';
import { WinbackError } from '../errors.ts';

/** Deletes a saved segment by name; the accounts it matched are not touched. An unknown name is refused. */
export async function removeSegment(prisma: PrismaClient, name: string): Promise<void> {
  const { count } = await prisma.savedSegment.deleteMany({ where: { name } });
  if (count > 0) return;
  const saved = await prisma.savedSegment.findMany({ select: { name: true }, orderBy: { name: 'asc' } });
  const names =
    saved.length > 0 ? `the saved ones are ${saved.map((segment) => segment.name).join(', ')}` : 'none is saved';
  const message = `No segment is named "${name}"; ${names}.`;
  throw new WinbackError('segment_not_found', message, { userMessage: message });
}
