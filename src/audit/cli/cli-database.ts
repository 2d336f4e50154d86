import { Client } from 'pg';
import { loadConfig } from '../../config/app-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../config/embedded-postgres';

export interface CliDatabase {
  client: Client;
  close(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded PostgreSQL under DATA_DIR, as the service itself does. */
export async function openCliDatabase(): Promise<CliDatabase> {
  const config = loadConfig();
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir, () => undefined).catch((error: unknown) => {
      throw new Error(
        `could not start the embedded PostgreSQL under ${config.dataDir} (is the service running on it? ` +
          `stop it or set DATABASE_URL): ${String(error ?? 'it exited early')}`,
      );
    });
    url = embedded.url;
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    client,
    close: async () => {
      await client.end().catch(() => undefined);
      await embedded?.stop();
    },
  };
}

/** Reports a failure in one line on stderr and sets the exit code, instead of a stack trace. */
export function failCli(tool: string, error: unknown): void {
  process.stderr.write(`${tool}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
