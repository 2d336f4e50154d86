import type { INestApplication } from '@nestjs/common';
import type { EmbeddedPostgres } from './embedded-postgres';

/**
 * Stops what start-up has started, once, whoever asks first: a signal, a start-up failure, or both.
 * The embedded PostgreSQL is a child of its own; if we exited without stopping it, it would stay.
 */
export class Shutdown {
  private app?: INestApplication;
  private starting?: Promise<void>;
  private stopping?: Promise<void>;

  constructor(private readonly embedded?: EmbeddedPostgres) {}

  get requested(): boolean {
    return this.stopping !== undefined;
  }

  /** Start-up in progress: stopping waits for it (bounded), as pulling the database from under it is noisy. */
  awaitStartup(starting: Promise<void>): void {
    this.starting = starting;
  }

  attach(app: INestApplication): void {
    this.app = app;
  }

  run(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    const settled = this.starting?.catch(() => undefined);
    if (settled) await withTimeout(settled, CLOSE_TIMEOUT_MS).catch(() => undefined);
    // An app that failed half-way may not close cleanly; the database must be stopped regardless.
    if (this.app) await withTimeout(this.app.close(), CLOSE_TIMEOUT_MS).catch(() => undefined);
    await this.embedded?.stop().catch(() => undefined);
  }
}

const CLOSE_TIMEOUT_MS = 10_000;

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not done after ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
