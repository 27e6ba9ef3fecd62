import type { AccountRef } from '../changes.ts';
import type { Query } from './query.ts';

/**
 * The id of the account a change is about; a billing event may be the first winback hears of it. Found
 * first, so an existing account is not written; created with one atomic INSERT … ON CONFLICT: Stripe
 * sends a new customer's first events within a second, and two of them applied at once must both find
 * the one account.
 */
export async function ensureAccount(query: Query, ref: AccountRef): Promise<{ id: string }> {
  const parameters = [ref.source, ref.externalId];
  const [found] = await query<{ id: string }>(
    `SELECT id FROM "Account" WHERE "source" = $1 AND "externalId" = $2`,
    parameters,
  );
  if (found) return found;
  const [created] = await query<{ id: string }>(
    `INSERT INTO "Account" ("source", "externalId", "updatedAt") VALUES ($1, $2, now())
     ON CONFLICT ("source", "externalId") DO UPDATE SET "source" = EXCLUDED."source"
     RETURNING id`,
    parameters,
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
