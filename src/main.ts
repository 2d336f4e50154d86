import 'reflect-metadata';
import { Client } from 'pg';
import { createApp } from './app';
import { DemoSeeder, type DemoKey } from './demo/demo-seeder';
import { TimerWorker } from './timers/timer-worker';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './config/embedded-postgres';
import { Shutdown } from './config/shutdown';

/** One clear line for the operator instead of a stack trace, and a non-zero exit. */
function fail(message: string): never {
  process.stderr.write(`waypost: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
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

function handleSignals(shutdown: Shutdown): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    // A second signal while stopping changes nothing; the default action would orphan the database.
    if (shutdown.requested) return;
    process.stdout.write(`waypost: ${signal} received, shutting down\n`);
    void shutdown.run().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    fail(describeError(error));
  }
  const database = await resolveDatabase(config);
  const shutdown = new Shutdown(database.embedded);
  handleSignals(shutdown);
  const starting = serve(config, database, shutdown);
  shutdown.awaitStartup(starting);
  try {
    await starting;
  } catch (error) {
    // A signal during start-up makes start-up fail too; the signal's orderly exit wins.
    if (shutdown.requested) return;
    await shutdown.run();
    fail(describeError(error, config.port));
  }
}

async function serve(
  config: AppConfig,
  database: { url: string; embedded?: EmbeddedPostgres },
  shutdown: Shutdown,
): Promise<void> {
  await assertReachable(database.url);
  const app = await createApp({ ...config, databaseUrl: database.url });
  shutdown.attach(app);
  await app.init();
  const demoKeys = config.demo ? await app.get(DemoSeeder).seedIfEmpty() : [];
  await app.get(TimerWorker).start();
  await app.listen(config.port, '0.0.0.0');
  if (shutdown.requested) return;
  const base = `http://localhost:${new URL(await app.getUrl()).port}`;
  const where = database.embedded
    ? `embedded PostgreSQL under ${config.dataDir}`
    : 'PostgreSQL from DATABASE_URL';
  printDemoKeys(demoKeys);
  process.stdout.write(
    `\nWaypost is running on ${where}\n  console  ${base}/\n  API      ${base}/api\n  docs     ${base}/api/docs\n  OpenAPI  ${base}/api/docs-json\n  health   ${base}/api/health\n\n`,
  );
}

/** The operator's line: what went wrong, with the fix where it is obvious. */
function describeError(error: unknown, port?: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE' && port !== undefined) {
    return `port ${port} is already in use (stop what listens there or set PORT to another port)`;
  }
  if (error instanceof ConfigError) return error.message;
  return `could not start: ${error instanceof Error ? error.message : String(error)}`;
}

function printDemoKeys(keys: DemoKey[]): void {
  if (keys.length === 0) return;
  const lines = keys.map((k) => `  ${k.role.padEnd(10)} ${k.key}  ${k.name}`);
  process.stdout.write(
    `\nDemo keys (Authorization: Bearer <key>; sign in to the console with one):\n${lines.join('\n')}\n`,
  );
}

main().catch((error: unknown) => fail(describeError(error)));
