import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { isInScope, scopeOf, type AuthPrincipal } from '../../auth/principal';
import { GetEventsAfterQuery } from '../queries/get-events-after/get-events-after.query';
import { GetStreamPositionQuery } from '../queries/get-stream-position/get-stream-position.query';
import { EventFeed } from './event-feed';
import type { LiveEvent } from './live-event';
import { SseConnection, type SseLimits } from './sse-connection';
import { parseStreamCursor, type StreamCursor } from './stream-cursor';

export const SSE_LIMITS = Symbol('SSE_LIMITS');
const CATCH_UP_PAGE = 500;
const EVENT_NAME = 'event-appended';

/**
 * Opens event streams: subscribes to the feed first, then replays what the client missed from the
 * events table (or, on a first connection, tells it where it starts), then lets through the live events
 * it buffered meanwhile that the replay did not send.
 */
@Injectable()
export class LiveStreams implements OnModuleDestroy {
  private readonly open = new Set<SseConnection>();

  constructor(
    private readonly feed: EventFeed,
    private readonly queries: QueryBus,
    @Inject(SSE_LIMITS) private readonly limits: SseLimits,
  ) {}

  get openCount(): number {
    return this.open.size;
  }

  async start(principal: AuthPrincipal, resume: StreamCursor | undefined, res: Response): Promise<void> {
    // Live events wait here while the stream starts (catch-up or position), so order is kept.
    let pending: LiveEvent[] | undefined = [];
    let unsubscribe: () => void = () => undefined;
    const connection = new SseConnection(res, this.limits, () => {
      unsubscribe();
      this.open.delete(connection);
    });
    this.open.add(connection);
    const deliver = (event: LiveEvent) => {
      if (!isInScope(principal, event.enterpriseId)) return;
      if (pending) pending.push(event);
      else connection.send(event.cursor, EVENT_NAME, JSON.stringify(event));
    };
    unsubscribe = this.feed.subscribe({ event: deliver, lost: () => connection.end() });
    if (!connection.isOpen) return;
    const begin = resume ? this.catchUp(principal, resume, connection) : this.sendPosition(connection);
    const sent = await begin.catch((error: unknown) => {
      connection.end();
      throw error;
    });
    const buffered = pending ?? [];
    pending = undefined;
    for (const event of buffered) if (!sent.has(event.cursor)) deliver(event);
  }

  onModuleDestroy(): void {
    // Open streams would keep the HTTP server from closing.
    for (const connection of this.open) connection.end();
  }

  /** A fresh stream starts with an id-only message, so even a client that saw no event can resume. */
  private async sendPosition(connection: SseConnection): Promise<Set<string>> {
    const position: string = await this.queries.execute(new GetStreamPositionQuery());
    connection.position(position);
    return new Set();
  }

  private async catchUp(principal: AuthPrincipal, resume: StreamCursor, connection: SseConnection): Promise<Set<string>> {
    const sent = new Set<string>();
    let from: GetEventsAfterQuery['from'] = { resume };
    for (;;) {
      const page: LiveEvent[] = await this.queries.execute(new GetEventsAfterQuery(scopeOf(principal), from, CATCH_UP_PAGE));
      for (const event of page) {
        connection.send(event.cursor, EVENT_NAME, JSON.stringify(event));
        sent.add(event.cursor);
      }
      const last = page[page.length - 1];
      if (page.length < CATCH_UP_PAGE || !last || !connection.isOpen) return sent;
      from = { after: parseStreamCursor(last.cursor) };
    }
  }
}
