import type { AccountStatus, ChurnReason } from '../../generated/prisma/enums.ts';
import type { AccountRef } from '../changes.ts';
import type { Query } from './query.ts';

/** What the appliers read of an account before changing it. */
export interface AccountState {
  id: string;
  status: AccountStatus;
  mrrMinor: number;
  startedAt: Date | null;
  churnSeenAt: Date | null;
  churnReason: ChurnReason | null;
  churnReasonText: string | null;
  sourceUpdatedAt: Date | null;
}

const STATE = `id, status, "mrrMinor", "startedAt", "churnSeenAt", "churnReason", "churnReasonText", "sourceUpdatedAt"`;

/**
 * The account a change is about, locked until the change commits; a billing event may be the first
 * winback hears of it. Creating it is one atomic INSERT … ON CONFLICT: Stripe sends a new customer's
 * first events within a second, and two of them applied at once must both find the one account.
 */
export async function ensureAccount(query: Query, ref: AccountRef): Promise<AccountState> {
  const [found] = await query<AccountState>(
    `SELECT ${STATE} FROM "Account" WHERE "source" = $1 AND "externalId" = $2 FOR UPDATE`,
    [ref.source, ref.externalId],
  );
  if (found) return found;
  const [created] = await query<AccountState>(
    `INSERT INTO "Account" ("source", "externalId", "updatedAt") VALUES ($1, $2, now())
     ON CONFLICT ("source", "externalId") DO UPDATE SET "source" = EXCLUDED."source"
     RETURNING ${STATE}`,
    [ref.source, ref.externalId],
  );
  if (!created) throw new Error(`no account row returned for ${ref.source}:${ref.externalId}`);
  return created;
}

/** What a one-statement change reports: whether the account existed, and rows it wrote. */
export interface StatementCounts {
  found: number;
  written: number;
}

/**
 * Runs a one-statement change that selects `found` and `written`; when the account did not exist yet
 * (the first winback hears of the customer), creates it and runs the statement again.
 */
export async function applyToAccount(
  query: Query,
  ref: AccountRef,
  sql: string,
  parameters: unknown[],
): Promise<StatementCounts> {
  const [first] = await query<StatementCounts>(sql, parameters);
  if (first && first.found > 0) return first;
  await ensureAccount(query, ref);
  const [second] = await query<StatementCounts>(sql, parameters);
  return second ?? { found: 0, written: 0 };
}

/** True when what is stored came from a newer observation than `observedAt`. */
export function isStale(storedAt: Date | null, observedAt: Date): boolean {
  return storedAt !== null && storedAt > observedAt;
}
