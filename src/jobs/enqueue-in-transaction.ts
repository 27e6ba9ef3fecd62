import type PgBoss from 'pg-boss';
import type { Prisma } from '../generated/prisma/client.ts';

// pg-boss hands plain values to node-postgres, which turns objects into JSON; Prisma's raw queries do
// not, so objects are serialized here and undefined becomes NULL.
const asParameter = (value: unknown) => {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value;
};

/**
 * A pg-boss `db` that runs on a Prisma interactive transaction: a job sent through it commits or
 * rolls back with the state change that asked for it.
 */
export function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(asParameter)),
    }),
  };
}
