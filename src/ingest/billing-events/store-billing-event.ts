import type { PrismaClient } from '../../db/prisma.ts';
import type { Prisma } from '../../generated/prisma/client.ts';

export interface RawBillingEvent {
  source: string;
  eventId: string;
  type: string;
  occurredAt: Date;
  payload: Prisma.InputJsonValue;
}

/**
 * Stores a raw event once. Returns its row id, or null when the same source and event id was
 * stored before (a redelivery), so the caller acknowledges it without doing anything else.
 */
export async function storeBillingEvent(prisma: PrismaClient, event: RawBillingEvent): Promise<string | null> {
  const stored = await prisma.billingEvent.createManyAndReturn({
    data: [event],
    skipDuplicates: true,
    select: { id: true },
  });
  return stored[0]?.id ?? null;
}
