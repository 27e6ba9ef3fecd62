import type pg from 'pg';
import type { Prisma } from '../../generated/prisma/client.ts';

/** Runs one parameterised SQL statement and returns its rows: over pg for bulk work, or inside a Prisma transaction. */
export type Query = <Row>(sql: string, parameters: unknown[]) => Promise<Row[]>;

export function queryOverPg(client: pg.ClientBase): Query {
  return async <Row>(sql: string, parameters: unknown[]) => (await client.query(sql, parameters)).rows as Row[];
}

export function queryInTransaction(tx: Prisma.TransactionClient): Query {
  return <Row>(sql: string, parameters: unknown[]) => tx.$queryRawUnsafe<Row[]>(sql, ...parameters);
}
