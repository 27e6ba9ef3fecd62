import type { Account, Prisma } from '../../generated/prisma/client.ts';
import type { AccountRef } from '../changes.ts';

/**
 * The account a change is about; a billing event may be the first winback hears of it. One atomic
 * INSERT … ON CONFLICT, not Prisma's upsert (a SELECT then an INSERT): Stripe sends a new customer's
 * first events within a second, and two of them applied at once must both find the one account.
 */
export async function ensureAccount(tx: Prisma.TransactionClient, ref: AccountRef): Promise<Account> {
  const [account] = await tx.$queryRaw<Account[]>`
    INSERT INTO "Account" ("source", "externalId", "updatedAt") VALUES (${ref.source}, ${ref.externalId}, now())
    ON CONFLICT ("source", "externalId") DO UPDATE SET "source" = EXCLUDED."source"
    RETURNING *`;
  if (!account) throw new Error(`no account row returned for ${ref.source}:${ref.externalId}`);
  return account;
}

/** True when what is stored came from a newer observation than `observedAt`. */
export function isStale(storedAt: Date | null, observedAt: Date): boolean {
  return storedAt !== null && storedAt > observedAt;
}
