import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';

export interface RunningService {
  pid: number;
  baseUrl: string;
  adminKey: string;
  /** Exit code (when it has exited) and the tail of its stderr: what to show when a call fails. */
  diagnostics(): string;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  databaseUrl: string;
  /** When set, the service runs under `node --cpu-prof` and writes its profile here on exit. */
  cpuProfileDir?: string;
}

/** Starts `node dist/main.js` (built by `npm run bench`) as a child, timers off, and waits for health. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const port = await freePort();
  const adminKey = `bench_${randomBytes(24).toString('base64url')}`;
  const profiling = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profiling, 'dist/main.js'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      WAYPOST_TIMERS: 'false',
      WAYPOST_DEMO: 'false',
      LOG_LEVEL: 'warn',
      WAYPOST_ADMIN_KEY: adminKey,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = collect(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, stderr);
  if (child.pid === undefined) throw new Error('the service has no pid');
  const diagnostics = () =>
    `service ${child.exitCode === null ? 'running' : `exited (${child.exitCode}, ${child.signalCode})`}: ${stderr()}`;
  return { pid: child.pid, baseUrl, adminKey, diagnostics, stop: () => stop(child) };
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  });
  return () => text;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}): ${stderr()}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the service did not become healthy within 60 s: ${stderr()}`);
}

/** SIGTERM lets the service close (and write its CPU profile); SIGKILL only if it hangs. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
