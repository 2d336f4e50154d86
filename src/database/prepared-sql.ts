import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException, type Transaction } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';

interface PgClient {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

const UNIQUE_VIOLATION = '23505';

/** `?` placeholders to PostgreSQL's `$1, $2, …` (our SQL uses no `?` operators). */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/**
 * Runs the hot statements (the append, the head lookup) as named prepared statements on the pool's
 * connections, so PostgreSQL parses and plans them once per connection instead of on every request.
 * Inside a transaction it uses that transaction's connection through the ORM as usual.
 */
@Injectable()
export class PreparedSql {
  private readonly texts = new Map<string, string>();

  constructor(private readonly em: EntityManager) {}

  async query<T>(name: string, sql: string, params: unknown[], tx?: Transaction): Promise<T[]> {
    if (tx) return this.em.getConnection().execute<T[]>(sql, params, 'all', tx);
    const text = this.texts.get(name) ?? numberedPlaceholders(sql);
    this.texts.set(name, text);
    const knex = this.em.getConnection().getKnex();
    const client = (await knex.client.acquireConnection()) as PgClient;
    try {
      return (await client.query<T>({ name, text, values: params })).rows;
    } catch (error) {
      throw isUniqueViolation(error) ? new UniqueConstraintViolationException(error) : error;
    } finally {
      await knex.client.releaseConnection(client);
    }
  }
}

function isUniqueViolation(error: unknown): error is Error {
  return error instanceof Error && (error as Error & { code?: string }).code === UNIQUE_VIOLATION;
}
