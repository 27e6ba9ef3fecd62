import type { Account, Prisma } from '../../generated/prisma/client.ts';
import type { AccountRef } from '../changes.ts';

/** The account a change is about; a billing event may be the first winback hears of it. */
export function ensureAccount(tx: Prisma.TransactionClient, ref: AccountRef): Promise<Account> {
  return tx.account.upsert({
    where: { source_externalId: { source: ref.source, externalId: ref.externalId } },
    create: { source: ref.source, externalId: ref.externalId },
    update: {},
  });
}

/** True when what is stored came from a newer observation than `observedAt`. */
export function isStale(storedAt: Date | null, observedAt: Date): boolean {
  return storedAt !== null && storedAt > observedAt;
}
