import { EntityManager } from '@mikro-orm/postgresql';
import type { TestApp } from './test-app';

/** `select count(*) from <from>` on the app's own database: what a refused request must leave unchanged. */
export async function rowCount(t: TestApp, from: string, params: unknown[] = []): Promise<number> {
  const [row] = await t.app
    .get(EntityManager)
    .getConnection()
    .execute<{ n: number }[]>(`select count(*)::int as n from ${from}`, params);
  return row.n;
}
