import { startEmbeddedPostgres } from '../../src/config/embedded-postgres';

/** Without DATABASE_URL the suite runs on an embedded PostgreSQL kept under .data/test. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const pg = await startEmbeddedPostgres(process.env.DATA_DIR ?? '.data/test', () => undefined);
  process.env.DATABASE_URL = pg.url;
  (globalThis as { __embeddedPostgres?: { stop(): Promise<void> } }).__embeddedPostgres = pg;
}
