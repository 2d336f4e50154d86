import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** These tests run the built service as an operator would: `node dist/main.js` with an environment. */
const ADMIN_KEY = 'startup-test-admin-key-0123456789';

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['dist/main.js'], { env: { ...base, LOG_LEVEL: 'warn', ...env } });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitForUrl(r: Run): Promise<string> {
  for (let i = 0; i < 300; i += 1) {
    const match = /API\s+(http:\/\/\S+)\/api/.exec(r.stdout());
    if (match) return match[1];
    if (r.child.exitCode !== null) throw new Error(`exited early: ${r.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no start line: ${r.stdout()} ${r.stderr()}`);
}

function postgresProcessesUnder(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'args']).toString();
  return out.split('\n').filter((line) => line.includes('postgres') && line.includes(dir));
}

function listenAnywhere(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

/** Resolves once the embedded cluster under dataDir accepts connections, i.e. start-up is past it. */
async function embeddedAccepting(dataDir: string, r: Run): Promise<void> {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  for (let i = 0; i < 600; i += 1) {
    if (r.child.exitCode !== null) throw new Error(`exited early: ${r.stderr()}`);
    if (existsSync(pidFile)) {
      const port = readFileSync(pidFile, 'utf8').split('\n')[3]?.trim();
      const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
      const client = new Client({ host: '127.0.0.1', port: Number(port), user: 'postgres', password });
      // initdb leaves a lock file naming the default port, where another cluster may answer.
      const served = await client
        .connect()
        .then(() => client.query<{ data_directory: string }>('show data_directory'))
        .then(
          (result) => result.rows[0]?.data_directory,
          () => undefined,
        );
      await client.end().catch(() => undefined);
      if (served === join(dataDir, 'postgres')) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the embedded PostgreSQL never accepted connections');
}

function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is set by test/support/worker-database.ts');
  return url;
}

describe('starting and stopping the service', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent']);
  }, 60_000);

  // Loading the built service takes a few seconds on a busy machine.
  it('exits non-zero with one line on a malformed DATABASE_URL', async () => {
    const r = run({ DATABASE_URL: 'mysql://nope' });
    expect(await r.exited).toBe(1);
    expect(r.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(/^waypost: DATABASE_URL must start with postgres/),
    ]);
  }, 30_000);

  it('exits non-zero with one line when the database is unreachable, starting nothing embedded', async () => {
    const dataDir = join(tmpdir(), `waypost-unused-${process.pid}-${Date.now().toString(36)}`);
    const r = run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/waypost', DATA_DIR: dataDir });
    expect(await r.exited).toBe(1);
    expect(r.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(
        /^waypost: cannot reach PostgreSQL at 127\.0\.0\.1:1\/waypost \(.*ECONNREFUSED.*\)$/,
      ),
    ]);
    expect(existsSync(dataDir)).toBe(false);
  }, 30_000);

  describe('with DATABASE_URL', () => {
    const dataDir = join(tmpdir(), `waypost-unused-${process.pid}-${Date.now().toString(36)}`);
    let service: Run;
    let url: string;

    beforeAll(async () => {
      service = run({
        DATABASE_URL: testDatabaseUrl(),
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'info',
        WAYPOST_ADMIN_KEY: ADMIN_KEY,
        WAYPOST_TIMERS: 'false',
      });
      url = await waitForUrl(service);
    }, 60_000);
    afterAll(async () => {
      service.child.kill('SIGTERM');
      await service.exited;
    });

    it('starts nothing embedded', async () => {
      expect(service.stdout()).toContain('running on PostgreSQL from DATABASE_URL');
      expect(existsSync(dataDir)).toBe(false);
      expect(postgresProcessesUnder(dataDir)).toEqual([]);
    });

    it('writes JSON logs that carry the request id returned in X-Request-Id', async () => {
      const res = await fetch(`${url}/api/principals`);
      expect(res.status).toBe(401);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(((await res.json()) as { requestId: string }).requestId).toBe(id);
      const logged = async (): Promise<Array<Record<string, unknown>>> => {
        for (let i = 0; i < 50; i += 1) {
          // Complete lines only: the last piece may be a line still being written.
          const lines = service
            .stdout()
            .split('\n')
            .slice(0, -1)
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as Record<string, unknown>)
            .filter((entry) => (entry.req as { id?: string } | undefined)?.id === id);
          if (lines.length > 0) return lines;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return [];
      };
      expect(await logged()).toContainEqual(
        expect.objectContaining({
          level: expect.any(Number),
          time: expect.any(Number),
          req: expect.objectContaining({ id, method: 'GET', url: '/api/principals' }),
          res: { statusCode: 401 },
        }),
      );
    });
  });

  it('stops the embedded database and says why in one line when the port is taken', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waypost-port-'));
    const taken = await listenAnywhere();
    try {
      const r = run({ DATA_DIR: dataDir, PORT: String(taken.port), WAYPOST_DEMO: 'false' });
      expect(await r.exited).toBe(1);
      expect(r.stderr().trim().split('\n')).toEqual([
        `waypost: port ${taken.port} is already in use (stop what listens there or set PORT to another port)`,
      ]);
      // The failure came after the database had started: it must have been stopped, not left.
      expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
      expect(postgresProcessesUnder(dataDir)).toEqual([]);
    } finally {
      taken.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('stops the embedded database on SIGTERM during start-up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waypost-early-'));
    try {
      const r = run({ DATA_DIR: dataDir, PORT: '0', WAYPOST_DEMO: 'false' });
      await embeddedAccepting(dataDir, r);
      r.child.kill('SIGTERM');
      expect(await r.exited).toBe(0);
      expect(r.stderr()).toBe('');
      expect(postgresProcessesUnder(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs on the embedded database, keeps data across restarts and leaves no postgres behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waypost-start-'));
    try {
      const first = run({
        DATA_DIR: dataDir,
        PORT: '0',
        WAYPOST_ADMIN_KEY: ADMIN_KEY,
        WAYPOST_DEMO: 'false',
      });
      const url = await waitForUrl(first);
      expect(first.stdout()).toContain('/api/docs');
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      const created = await fetch(`${url}/api/principals`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'kept across restarts', role: 'expert' }),
      });
      expect(created.status).toBe(201);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(postgresProcessesUnder(dataDir)).toEqual([]);

      const second = run({
        DATA_DIR: dataDir,
        PORT: '0',
        WAYPOST_ADMIN_KEY: ADMIN_KEY,
        WAYPOST_DEMO: 'false',
      });
      const url2 = await waitForUrl(second);
      const list = await fetch(`${url2}/api/principals`, {
        headers: { Authorization: `Bearer ${ADMIN_KEY}` },
      });
      const names = ((await list.json()) as Array<{ name: string }>).map((p) => p.name);
      expect(names).toContain('kept across restarts');
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
      expect(postgresProcessesUnder(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
