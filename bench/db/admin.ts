import { Client } from 'pg';

/**
 * The scratch PostgreSQL the benchmark creates its databases on: the machine's cluster by default,
 * or BENCH_ADMIN_URL. Load only ever goes to the loopback interface, so other hosts are refused.
 */
export function adminUrl(): string {
  const url = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`BENCH_ADMIN_URL must point at 127.0.0.1, not ${host}`);
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops (when left over from an interrupted run) and creates an empty database. */
export async function recreateDatabase(name: string): Promise<string> {
  await dropDatabase(name);
  await withAdmin((client) => client.query(`create database "${name}"`));
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`));
}

export async function serverVersion(): Promise<string> {
  return withAdmin(async (client) => {
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0].server_version;
  });
}

/** Runs one statement on a bench database with a short-lived connection. */
export async function execute<T extends object>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
