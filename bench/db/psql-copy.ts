import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A COPY ... FROM STDIN fed through psql: bulk loading without a COPY-stream dependency. */
export class CopyStream {
  private readonly child: ChildProcess;
  private readonly done: Promise<void>;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(url: string, table: string, columns: readonly string[]) {
    this.child = spawn(
      'psql',
      [url, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `copy ${table} (${columns.join(', ')}) from stdin`],
      {
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    let errors = '';
    this.child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    this.done = once(this.child, 'exit').then(([code]) => {
      if (code !== 0) throw new Error(`COPY ${table} failed (${String(code)}): ${errors.slice(0, 2000)}`);
    });
    // Surfaced by end(); without a handler an early failure would crash the process instead.
    this.done.catch(() => undefined);
  }

  /** Queues one row; resolves once psql has taken the batch when the buffer is full. */
  async row(values: readonly unknown[]): Promise<void> {
    const line = values.map(copyText).join('\t') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) await this.flush();
  }

  async end(): Promise<void> {
    await this.flush();
    this.child.stdin?.end();
    await this.done;
  }

  private async flush(): Promise<void> {
    const stdin = this.child.stdin;
    if (!stdin || this.buffer.length === 0) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!stdin.write(text)) await Promise.race([once(stdin, 'drain'), this.done]);
  }
}

/** COPY's text format: \N for NULL, backslash escapes for the four characters it treats specially. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
