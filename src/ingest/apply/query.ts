import type pg from 'pg';
import type { Prisma } from '../../generated/prisma/client.ts';

/** Runs one parameterised SQL statement and returns its rows: over pg for bulk work, or inside a Prisma transaction. */
export type Query = <Row>(sql: string, parameters: unknown[]) => Promise<Row[]>;

export function queryOverPg(client: pg.Pool | pg.ClientBase): Query {
  return async <Row>(sql: string, parameters: unknown[]) => (await client.query(sql, parameters)).rows as Row[];
}

// Names of the statements prepared so far, by text. Bounded: a statement built per call (a bulk upsert's
// column list) must not grow it without end; past the bound, statements simply run unprepared.
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 200;

function preparedName(sql: string): string | undefined {
  const known = preparedNames.get(sql);
  if (known !== undefined || preparedNames.size >= MAX_PREPARED) return known;
  const name = `winback_${preparedNames.size + 1}`;
  preparedNames.set(sql, name);
  return name;
}

/**
 * Like queryOverPg, but each statement is prepared once per connection and then only bound and run: for
 * the few statements a webhook runs thousands of times, PostgreSQL skips parsing and planning them again.
 */
function preparedQueryOverPg(client: pg.ClientBase): Query {
  return async <Row>(sql: string, parameters: unknown[]) =>
    (await client.query({ name: preparedName(sql), text: sql, values: parameters })).rows as Row[];
}

export function queryInTransaction(tx: Prisma.TransactionClient): Query {
  return <Row>(sql: string, parameters: unknown[]) => tx.$queryRawUnsafe<Row[]>(sql, ...parameters);
}

/**
 * Runs `work` in one transaction on one of the pool's connections: committed if it returns, rolled back if it
 * throws. BEGIN is not awaited on its own, so on a pipelining pool it travels with the first statement.
 */
export async function inPgTransaction<T>(pool: pg.Pool, work: (query: Query) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // Both settle before anything else is sent: no statement of `work` may follow the ROLLBACK.
    const [begun, worked] = await Promise.allSettled([client.query('BEGIN'), work(preparedQueryOverPg(client))]);
    if (begun.status === 'rejected') throw begun.reason;
    if (worked.status === 'rejected') throw worked.reason;
    await client.query('COMMIT');
    return worked.value;
  } catch (error) {
    // A connection that cannot even roll back is closed rather than handed to the next request.
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
