import { IsolationLevel, type Transaction } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'pg';

/**
 * One SQL round trip with `?` placeholders. The audit readers take this instead of a connection so
 * the service (MikroORM) and the command-line tools (a bare pg client) share them.
 */
export type SqlQuery = <T extends object>(sql: string, params: readonly unknown[]) => Promise<T[]>;

export function sqlOfEntityManager(em: EntityManager, tx?: Transaction): SqlQuery {
  return <T extends object>(sql: string, params: readonly unknown[]) =>
    em.getConnection().execute<T[]>(sql, [...params], 'all', tx);
}

/** pg numbers its placeholders; none of the audit SQL uses `?` for anything else. */
export function sqlOfPgClient(client: Client): SqlQuery {
  return async <T extends object>(sql: string, params: readonly unknown[]) => {
    let index = 0;
    const text = sql.replace(/\?/g, () => `$${++index}`);
    const result = await client.query<T>(text, [...params]);
    return result.rows;
  };
}

/**
 * Runs a multi-batch read in one read-only repeatable-read transaction: appends committed meanwhile
 * are invisible, so a head read in one batch agrees with entries read in a later one.
 */
export async function* inSnapshot<T>(
  em: EntityManager,
  body: (sql: SqlQuery) => AsyncIterable<T>,
): AsyncGenerator<T> {
  const connection = em.getConnection();
  const tx = await connection.begin({ isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
  try {
    yield* body(sqlOfEntityManager(em, tx));
  } finally {
    await connection.rollback(tx);
  }
}

export async function withSnapshot<T>(em: EntityManager, body: (sql: SqlQuery) => Promise<T>): Promise<T> {
  const connection = em.getConnection();
  const tx = await connection.begin({ isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true });
  try {
    return await body(sqlOfEntityManager(em, tx));
  } finally {
    await connection.rollback(tx);
  }
}

/** The same snapshot on a bare pg client (the command-line tools). */
export async function withPgSnapshot<T>(client: Client, body: (sql: SqlQuery) => Promise<T>): Promise<T> {
  await client.query('begin isolation level repeatable read read only');
  try {
    return await body(sqlOfPgClient(client));
  } finally {
    await client.query('rollback');
  }
}
