import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { EVENTS_CHANNEL, type LiveEvent } from './live-event';

export interface FeedSubscriber {
  event(event: LiveEvent): void;
  /** The feed lost its connection: events may have been missed, so the subscriber must resume from storage. */
  lost(): void;
}

const RECONNECT_MS = 1_000;

/**
 * The one LISTEN connection of this instance: every appended event, from any instance, arrives here
 * and goes to each subscriber (the open streams).
 */
@Injectable()
export class EventFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventFeed');
  private readonly subscribers = new Set<FeedSubscriber>();
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  subscribe(subscriber: FeedSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (message) => this.dispatch(message.payload));
    client.on('error', (error) => this.logger.warn(`listen connection failed: ${error.message}`));
    client.on('end', () => this.onEnd(client));
    await client.connect();
    await client.query(`listen ${EVENTS_CHANNEL}`);
    this.client = client;
  }

  private dispatch(payload: string | undefined): void {
    if (payload === undefined) return;
    let event: LiveEvent;
    try {
      event = JSON.parse(payload) as LiveEvent;
    } catch {
      this.logger.warn('ignored a notification that is not JSON');
      return;
    }
    for (const subscriber of this.subscribers) subscriber.event(event);
  }

  private onEnd(client: Client): void {
    if (this.stopped || client !== this.client) return;
    this.client = undefined;
    for (const subscriber of this.subscribers) subscriber.lost();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retry = setTimeout(() => {
      this.connect().catch((error: Error) => {
        this.logger.warn(`reconnecting the listen connection failed: ${error.message}`);
        if (!this.stopped) this.scheduleReconnect();
      });
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
