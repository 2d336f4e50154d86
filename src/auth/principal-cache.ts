import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GenerationalEntries } from './generational-entries';
import type { AuthPrincipal } from './principal';

export const PRINCIPALS_CHANNEL = 'waypost_principals';
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Saves the key lookup on every request. A revocation clears it here at once and, through NOTIFY, on
 * every other instance; while that notification channel is down the cache is bypassed, so a revoked
 * key can never outlive its revocation by more than a notification's delivery. A lookup that was
 * in flight when the cache was cleared is not stored (see GenerationalEntries).
 */
@Injectable()
export class PrincipalCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PrincipalCache');
  private readonly entries = new GenerationalEntries<AuthPrincipal>(TTL_MS, MAX_ENTRIES);
  private listener?: Client;
  private listening = false;
  private closed = false;

  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.listening = false;
    await this.listener?.end().catch(() => undefined);
  }

  get(keyHash: string): AuthPrincipal | undefined {
    if (!this.listening) return undefined;
    return this.entries.get(keyHash);
  }

  /** Take this before looking a key up, and pass it to set() with the answer. */
  generation(): number {
    return this.entries.generation();
  }

  set(keyHash: string, principal: AuthPrincipal, generation: number): void {
    if (!this.listening) return;
    this.entries.set(keyHash, principal, generation);
  }

  /** Forget every principal here and on every instance (after a revocation or a key change). */
  async invalidateEverywhere(): Promise<void> {
    this.entries.clear();
    await this.em.getConnection().execute(`select pg_notify('${PRINCIPALS_CHANNEL}', '')`);
  }

  private async listen(): Promise<void> {
    if (!this.config.databaseUrl || this.closed) return;
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', () => this.entries.clear());
    client.on('error', (error) => this.lost(error));
    client.on('end', () => this.lost(new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${PRINCIPALS_CHANNEL}`);
      this.listener = client;
      // Revocations notified while nobody listened were missed: lookups begun before now may be stale.
      this.entries.clear();
      this.listening = true;
    } catch (error) {
      this.lost(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private lost(error: Error): void {
    if (this.closed || !this.listening) return;
    this.listening = false;
    this.entries.clear();
    this.logger.warn(
      `principal notifications lost (${error.message}); looking keys up on every request until reconnected`,
    );
    setTimeout(() => void this.listen(), 1000).unref();
  }
}
