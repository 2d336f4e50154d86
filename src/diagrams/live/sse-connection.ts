import type { Response } from 'express';

export interface SseLimits {
  /** Bytes queued for a client that does not read before it is dropped. */
  maxBufferedBytes: number;
  heartbeatMs: number;
}

export const DEFAULT_SSE_LIMITS: SseLimits = { maxBufferedBytes: 1024 * 1024, heartbeatMs: 15_000 };

/**
 * One server-sent-events response. Writes never block: when the client stops reading and the queued
 * bytes pass the cap, the connection is dropped (the client resumes with Last-Event-ID) instead of
 * buffering without bound.
 */
export class SseConnection {
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly res: Response,
    private readonly limits: SseLimits,
    onClose: () => void,
  ) {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.on('close', () => {
      this.closed = true;
      clearInterval(this.heartbeat);
      onClose();
    });
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), limits.heartbeatMs);
    this.heartbeat.unref();
    this.write('retry: 3000\n\n');
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(id: string, event: string, data: string): void {
    this.write(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`);
  }

  /** Moves the client's Last-Event-ID without an event (an id-only message dispatches nothing). */
  position(id: string): void {
    this.write(`id: ${id}\n\n`);
  }

  /** Ends the stream politely (shutdown, lost feed): the client reconnects and resumes. */
  end(): void {
    if (!this.closed) this.res.end();
  }

  private write(chunk: string): void {
    if (this.closed) return;
    this.res.write(chunk);
    if (this.res.writableLength > this.limits.maxBufferedBytes) {
      // end() would wait for the client to read what is queued; it never will.
      this.res.destroy();
    }
  }
}
