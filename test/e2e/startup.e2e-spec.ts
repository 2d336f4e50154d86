import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

describe('starting and stopping the service', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent']);
  }, 60_000);

  it('exits non-zero with one line on a malformed DATABASE_URL', async () => {
    const r = run({ DATABASE_URL: 'mysql://nope' });
    expect(await r.exited).toBe(1);
    expect(r.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(/^waypost: DATABASE_URL must start with postgres/),
    ]);
  });

  it('exits non-zero with one line when the database is unreachable', async () => {
    const r = run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/waypost' });
    expect(await r.exited).toBe(1);
    expect(r.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(
        /^waypost: cannot reach PostgreSQL at 127\.0\.0\.1:1\/waypost \(.*ECONNREFUSED.*\)$/,
      ),
    ]);
  });

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
