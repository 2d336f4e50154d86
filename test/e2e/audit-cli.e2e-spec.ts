import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/test-app';
import { auditKeys, drivenProject, tamper, type AuditKeys } from '../support/audit-fixtures';

const run = promisify(execFile);

/** Runs a compiled audit tool against this file's database; answers its exit code and output. */
async function tool(
  name: string,
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [`dist/audit/cli/${name}.js`, ...args], {
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('audit command-line tools (npm run audit:verify / audit:replay)', () => {
  let t: TestApp;
  let keys: AuditKeys;
  let projectId: string;

  beforeAll(async () => {
    await run('npm', ['run', 'build', '--silent']);
    t = await startTestApp();
    keys = await auditKeys(t);
    projectId = await drivenProject(t, keys);
    await drivenProject(t, keys);
    await t.http.post('/api/audit/checkpoints').set('Authorization', `Bearer ${keys.bureau}`).expect(201);
  }, 120_000);
  afterAll(() => t.close());

  it('verify: an intact database exits 0 with {ok, checked, firstBroken}', async () => {
    const result = await tool('audit-verify');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, checked: 8, firstBroken: null });
    expect(result.stderr).toContain('intact: 8 entries');
  });

  it('replay: every stream replays to its recorded states, exit 0', async () => {
    const result = await tool('audit-replay');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('deterministic: 2 projects, 8 events');
  });

  it('verify --file checks an export offline, without a database', async () => {
    const res = await t.http.get('/api/audit/export.ndjson').set('Authorization', `Bearer ${keys.auditor}`);
    const dir = await mkdtemp(join(tmpdir(), 'waypost-cli-'));
    const file = join(dir, 'export.ndjson');
    await writeFile(file, res.text);
    const intact = await tool('audit-verify', ['--file', file]);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, checked: 8 });
    await writeFile(file, res.text.split('\n').slice(0, 4).join('\n') + '\n');
    const cut = await tool('audit-verify', ['--file', file]);
    expect(cut.code).toBe(1);
    expect(JSON.parse(cut.stdout)).toMatchObject({ ok: false, firstBroken: { reason: 'truncated' } });
  });

  it('a recorded state that replay does not reproduce is reported, exit 1', async () => {
    await tamper(`update events set state_after = '"rejected"' where project_id = $1 and version = 2`, [
      projectId,
    ]);
    const replay = await tool('audit-replay');
    expect(replay.code).toBe(1);
    const mismatch = JSON.parse(replay.stdout.trim().split('\n')[0]) as Record<string, unknown>;
    expect(mismatch).toMatchObject({
      projectId,
      version: 2,
      check: 'stateAfter',
      expected: 'rejected',
      found: 'submitted',
    });
    const verify = await tool('audit-verify');
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      ok: false,
      firstBroken: { projectId, version: 2, reason: 'modified', check: 'entry.stateAfter' },
    });
  });

  it('verify of an unknown database answers one line and exit 2', async () => {
    const result = await run('node', ['dist/audit/cli/audit-verify.js'], {
      env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(result).toMatchObject({ code: 2 });
    expect((result as { stderr: string }).stderr).toMatch(/^audit:verify: /);
  });
});

describe('scheduled checkpoints', () => {
  it('takes a checkpoint every WAYPOST_CHECKPOINT_INTERVAL_S seconds', async () => {
    process.env.WAYPOST_CHECKPOINT_INTERVAL_S = '1';
    let t: TestApp | undefined;
    try {
      t = await startTestApp();
      let status = 404;
      for (let i = 0; i < 100 && status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (
          await t.http.get('/api/audit/checkpoints/latest').set('Authorization', `Bearer ${t.adminKey}`)
        ).status;
      }
      expect(status).toBe(200);
    } finally {
      delete process.env.WAYPOST_CHECKPOINT_INTERVAL_S;
      await t?.close();
    }
  });
});
