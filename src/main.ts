import 'reflect-metadata';
import { Client } from 'pg';
import { createApp } from './app';
import { DemoSeeder, type DemoKey } from './demo/demo-seeder';
import { TimerWorker } from './timers/timer-worker';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './config/embedded-postgres';

/** One clear line for the operator instead of a stack trace, and a non-zero exit. */
function fail(message: string): never {
  process.stderr.write(`waypost: ${message}\n`);
  process.exit(1);
}

async function resolveDatabase(config: AppConfig): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const embedded = await startEmbeddedPostgres(config.dataDir, () => undefined, {
    handlesSignals: true,
  }).catch((error: unknown) =>
    fail(
      `could not start the embedded PostgreSQL under ${config.dataDir}: ${String(error ?? 'it exited early')}`,
    ),
  );
  return { url: embedded.url, embedded };
}

async function assertReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`cannot reach PostgreSQL at ${hostname}:${port || 5432}${pathname} (${reason})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const database = await resolveDatabase(config);
  const stopEmbedded = async (): Promise<void> => database.embedded?.stop();
  try {
    await assertReachable(database.url);
  } catch (error) {
    await stopEmbedded();
    fail(error instanceof Error ? error.message : String(error));
  }
  const app = await createApp({ ...config, databaseUrl: database.url });
  await app.init();
  const demoKeys = config.demo ? await app.get(DemoSeeder).seedIfEmpty() : [];
  await app.get(TimerWorker).start();
  await app.listen(config.port, '0.0.0.0');
  const base = `http://localhost:${new URL(await app.getUrl()).port}`;
  const where = database.embedded
    ? `embedded PostgreSQL under ${config.dataDir}`
    : 'PostgreSQL from DATABASE_URL';
  printDemoKeys(demoKeys);
  process.stdout.write(
    `\nWaypost is running on ${where}\n  console  ${base}/\n  API      ${base}/api\n  docs     ${base}/api/docs\n  OpenAPI  ${base}/api/docs-json\n  health   ${base}/api/health\n\n`,
  );
  const shutdown = async (signal: string): Promise<void> => {
    process.stdout.write(`waypost: ${signal} received, shutting down\n`);
    await app.close();
    await stopEmbedded();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function printDemoKeys(keys: DemoKey[]): void {
  if (keys.length === 0) return;
  const lines = keys.map((k) => `  ${k.role.padEnd(10)} ${k.key}  ${k.name}`);
  process.stdout.write(
    `\nDemo keys (Authorization: Bearer <key>; sign in to the console with one):\n${lines.join('\n')}\n`,
  );
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
