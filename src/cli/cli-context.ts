import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SingleBar } from 'cli-progress';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { startEmbeddedPostgres } from '../config/embedded-postgres';

/**
 * Runs a command-line task inside the service's module graph, on the same database the service
 * would use (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR), then shuts everything down.
 */
export async function runWithAppContext(
  task: (app: INestApplicationContext) => Promise<number>,
): Promise<never> {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, () => undefined);
  let code = 1;
  try {
    const databaseUrl = config.databaseUrl ?? embedded?.url;
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({
        ...config,
        databaseUrl,
        logLevel: 'warn',
        demo: false,
        timers: { ...config.timers, enabled: false },
      }),
      {
        logger: ['error', 'warn'],
        abortOnError: false,
      },
    );
    try {
      code = await task(app);
    } finally {
      await app.close();
    }
  } catch (error) {
    process.stderr.write(`waypost: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await embedded?.stop();
  }
  process.exit(code);
}

/** A progress bar on stderr, so the report on stdout stays machine-readable. */
export function progressBar(label: string): SingleBar {
  return new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  });
}
