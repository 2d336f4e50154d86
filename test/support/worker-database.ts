import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../src/database/orm-config';
import { migrations } from '../../src/database/migrations';
import { runMigrations } from '../../src/database/run-migrations';

/**
 * Each test file gets a fresh database of its own, cloned from a migrated template. The template is
 * named after the migration list, so a new migration makes a new template; an advisory lock lets one
 * worker build it while the others wait.
 */
const TEMPLATE_LOCK = 872_302;

function baseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is set by the global setup');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function templateName(): string {
  const digest = createHash('sha256')
    .update(migrations.map((migration) => migration.name).join('\n'))
    .digest('hex')
    .slice(0, 12);
  return `waypost_template_${digest}`;
}

async function ensureTemplate(admin: Client, template: string): Promise<void> {
  await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount) return;
    // A worker that died mid-build leaves this behind; nobody else builds while we hold the lock.
    await admin.query(`drop database if exists ${template}_building with (force)`);
    await admin.query(`create database ${template}_building`);
    const orm = await MikroORM.init(ormConfig(withDatabase(baseUrl(), `${template}_building`), 2));
    await runMigrations(orm);
    await orm.close(true);
    await admin.query(`alter database ${template}_building rename to ${template}`);
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const admin = new Client({ connectionString: baseUrl() });
  await admin.connect();
  try {
    const template = templateName();
    await ensureTemplate(admin, template);
    const name = `waypost_test_${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${Date.now().toString(36)}`;
    await admin.query(`create database ${name} template ${template}`);
    return { name, url: withDatabase(baseUrl(), name) };
  } finally {
    await admin.end();
  }
}

async function dropTestDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: baseUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

let current: { name: string; url: string } | undefined;

beforeAll(async () => {
  current = await createTestDatabase();
  process.env.TEST_DATABASE_URL = current.url;
}, 60_000);

afterAll(async () => {
  if (current) await dropTestDatabase(current.name);
}, 60_000);
