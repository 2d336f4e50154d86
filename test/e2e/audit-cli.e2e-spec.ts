import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
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
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [`dist/audit/cli/${name}.js`, ...args], {
      env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL, ...env },
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
  const signingKey = generateKeyPairSync('ed25519').privateKey;
  const publicPem = createPublicKey(signingKey).export({ format: 'pem', type: 'spki' }).toString();
  const otherBase64 = generateKeyPairSync('ed25519')
    .publicKey.export({ format: 'der', type: 'spki' })
    .toString('base64');

  beforeAll(async () => {
    await run('npm', ['run', 'build', '--silent']);
    // Checkpoints are signed by this service; the tools themselves run without the private key.
    process.env.WAYPOST_CHECKPOINT_KEY = signingKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      t = await startTestApp();
    } finally {
      delete process.env.WAYPOST_CHECKPOINT_KEY;
    }
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

  it('verify pins the checkpoint key: --public-key (a file or base64), or WAYPOST_CHECKPOINT_PUBLIC_KEY', async () => {
    const res = await t.http.get('/api/audit/export.ndjson').set('Authorization', `Bearer ${keys.auditor}`);
    const dir = await mkdtemp(join(tmpdir(), 'waypost-cli-'));
    const file = join(dir, 'export.ndjson');
    const keyFile = join(dir, 'checkpoint.pub.pem');
    await writeFile(file, res.text);
    await writeFile(keyFile, publicPem);
    const trusted = await tool('audit-verify', ['--file', file, '--public-key', keyFile]);
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout)).toMatchObject({ ok: true, checked: 8 });
    const other = await tool('audit-verify', ['--file', file, '--public-key', otherBase64]);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout)).toMatchObject({
      ok: false,
      firstBroken: { reason: 'untrusted', check: 'checkpoint.publicKey' },
    });
    const database = await tool('audit-verify', [], { WAYPOST_CHECKPOINT_PUBLIC_KEY: otherBase64 });
    expect(database.code).toBe(1);
    expect(JSON.parse(database.stdout)).toMatchObject({ ok: false, firstBroken: { reason: 'untrusted' } });
    expect((await tool('audit-verify', [], { WAYPOST_CHECKPOINT_PUBLIC_KEY: publicPem })).code).toBe(0);
    const malformed = await tool('audit-verify', ['--file', file, '--public-key', 'not-a-key']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^audit:verify: --public-key is not a PEM or base64 SPKI public key/);
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

  it('replay walks the streams of the events: one whose read-model row is gone is replayed and reported', async () => {
    const orphan = await drivenProject(t, keys);
    await tamper('delete from projects where id = $1', [orphan]);
    const replay = await tool('audit-replay');
    expect(replay.code).toBe(1);
    const mismatches = replay.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(mismatches).toContainEqual({
      projectId: orphan,
      version: 4,
      check: 'readModel.row',
      expected: 'projects row',
      found: null,
    });
    expect(replay.stderr).toContain('3 projects, 12 events');
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
