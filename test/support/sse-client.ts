import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** A minimal server-sent-events reader over node:http, for tests that need a real streaming socket. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  comments = 0;
  /** As EventSource keeps it: id-only messages move it too. */
  lastEventId: string | undefined;
  closed = false;
  private buffer = '';
  private waiters: (() => void)[] = [];

  private constructor(
    readonly response: IncomingMessage,
    readonly request: ClientRequest,
  ) {}

  static open(
    port: number,
    apiKey: string,
    headers: Record<string, string> = {},
    read = true,
  ): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/stream',
          headers: { Authorization: `Bearer ${apiKey}`, ...headers },
        },
        (res) => {
          const client = new SseClient(res, req);
          res.on('close', () => {
            client.closed = true;
            client.wake();
          });
          if (read) {
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => client.feed(chunk));
          } else {
            res.pause();
          }
          resolve(client);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** Waits until `done` holds for the messages so far; throws after `timeoutMs`. */
  async until(done: (messages: SseMessage[]) => boolean, timeoutMs = 5_000): Promise<SseMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.messages)) {
      if (this.closed) throw new Error(`stream closed after ${this.messages.length} messages`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out with ${this.messages.length} messages`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages;
  }

  close(): void {
    this.request.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      this.parse(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
      end = this.buffer.indexOf('\n\n');
    }
    this.wake();
  }

  private parse(block: string): void {
    const message: SseMessage = { data: '' };
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments += 1;
      else if (line.startsWith('id: ')) message.id = this.lastEventId = line.slice(4);
      else if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('data: ')) {
        message.data += line.slice(6);
        hasData = true;
      }
    }
    if (hasData) this.messages.push(message);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
