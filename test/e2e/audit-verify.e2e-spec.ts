import { canonicalHash } from '../../src/common/canonical-json';
import { chainHash, GENESIS_HASH, type AuditEntry } from '../../src/audit/audit-entry';
import { startTestApp, type TestApp } from '../support/test-app';
import { auditKeys, drivenProject, ownerRows, tamper, type AuditKeys } from '../support/audit-fixtures';

interface Verdict {
  ok: boolean;
  checked: number;
  firstBroken: null | {
    projectId: string | null;
    version: number | null;
    reason: string;
    check: string;
    label: { zh: string; en: string };
    expected: unknown;
    found: unknown;
  };
}

describe('audit verification (GET /api/audit/verify)', () => {
  let t: TestApp;
  let keys: AuditKeys;
  const verify = async (query = ''): Promise<Verdict> => {
    const res = await t.http.get(`/api/audit/verify${query}`).set('Authorization', `Bearer ${keys.auditor}`);
    expect(res.status).toBe(200);
    return res.body as Verdict;
  };
  const checkpoint = async () => {
    const res = await t.http.post('/api/audit/checkpoints').set('Authorization', `Bearer ${keys.bureau}`);
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    t = await startTestApp();
    keys = await auditKeys(t);
  });
  afterAll(() => t.close());

  it('an intact log verifies, entry by entry', async () => {
    const a = await drivenProject(t, keys);
    await drivenProject(t, keys);
    await checkpoint();
    expect(await verify()).toEqual({ ok: true, checked: 8, firstBroken: null });
    expect(await verify(`?project=${a}`)).toEqual({ ok: true, checked: 4, firstBroken: null });
  });

  it('one changed byte of a payload is located as modified (payload digest)', async () => {
    const id = await drivenProject(t, keys);
    await tamper(
      `update events set payload = jsonb_set(payload, '{applicant}', '"李工 Li Gonh"') where project_id = $1 and version = 2`,
      [id],
    );
    const verdict = await verify(`?project=${id}`);
    expect(verdict).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { projectId: id, version: 2, reason: 'modified', check: 'entry.payloadDigest' },
    });
    expect(verdict.firstBroken?.label.zh).toContain('改动');
    expect(verdict.firstBroken?.expected).not.toEqual(verdict.firstBroken?.found);
  });

  it('a deleted middle entry (event and audit entry) is located as missing', async () => {
    const id = await drivenProject(t, keys);
    await tamper('delete from events where project_id = $1 and version = 2', [id]);
    await tamper('delete from audit_entries where project_id = $1 and version = 2', [id]);
    expect(await verify(`?project=${id}`)).toMatchObject({
      ok: false,
      firstBroken: { projectId: id, version: 2, reason: 'missing', check: 'version', expected: 2, found: 3 },
    });
  });

  it('a deleted last entry after a checkpoint is located as truncated, even with the read model rewound', async () => {
    const id = await drivenProject(t, keys);
    await checkpoint();
    const [{ prev }] = await ownerRows<{ prev: string }>(
      'select prev_hash as prev from audit_entries where project_id = $1 and version = 4',
      [id],
    );
    await tamper('delete from events where project_id = $1 and version = 4', [id]);
    await tamper('delete from audit_entries where project_id = $1 and version = 4', [id]);
    await tamper('update projects set version = 3, chain_head = $2 where id = $1', [id, prev]);
    expect(await verify(`?project=${id}`)).toMatchObject({
      ok: false,
      checked: 3,
      firstBroken: { projectId: id, version: 4, reason: 'truncated', check: 'checkpoint' },
    });
  });

  it('a tail cut before a later checkpoint is still located as truncated, against the earlier one', async () => {
    const id = await drivenProject(t, keys);
    await checkpoint();
    const [{ earlier }] = await ownerRows<{ earlier: number }>(
      'select max(id) as earlier from checkpoints',
      [],
    );
    const [{ prev, hash }] = await ownerRows<{ prev: string; hash: string }>(
      'select prev_hash as prev, hash from audit_entries where project_id = $1 and version = 4',
      [id],
    );
    await tamper('delete from events where project_id = $1 and version = 4', [id]);
    await tamper('delete from audit_entries where project_id = $1 and version = 4', [id]);
    await tamper('update projects set version = 3, chain_head = $2 where id = $1', [id, prev]);
    // The latest checkpoint now agrees with the cut chain; the earlier one does not.
    await checkpoint();
    expect(await verify(`?project=${id}`)).toMatchObject({
      ok: false,
      firstBroken: {
        projectId: id,
        version: 4,
        reason: 'truncated',
        check: 'checkpoint',
        expected: { checkpoint: earlier, version: 4, hash },
        found: { version: 3, hash: prev },
      },
    });
  });

  it('two swapped entries are located as reordered', async () => {
    const id = await drivenProject(t, keys);
    for (const table of ['events', 'audit_entries']) {
      await tamper(`update ${table} set version = 100 where project_id = $1 and version = 2`, [id]);
      await tamper(`update ${table} set version = 2 where project_id = $1 and version = 3`, [id]);
      await tamper(`update ${table} set version = 3 where project_id = $1 and version = 100`, [id]);
    }
    expect(await verify(`?project=${id}`)).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: {
        projectId: id,
        version: 2,
        reason: 'reordered',
        check: 'entry.version',
        expected: 2,
        found: 3,
      },
    });
  });

  it('a rewritten hash is located as modified', async () => {
    const id = await drivenProject(t, keys);
    await tamper(`update audit_entries set hash = repeat('a', 64) where project_id = $1 and version = 3`, [
      id,
    ]);
    expect(await verify(`?project=${id}`)).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { projectId: id, version: 3, reason: 'modified', check: 'hash', found: 'a'.repeat(64) },
    });
  });

  it('a chain rewritten consistently after a changed event is still caught by the checkpoint', async () => {
    // Re-hashing the whole chain defeats the chain alone, not the checkpoint taken before.
    const id = await drivenProject(t, keys);
    await checkpoint();
    await tamper(
      `update events set payload = '{"applicant": "someone else"}' where project_id = $1 and version = 2`,
      [id],
    );
    const stored = await ownerRows<{ version: number; entry: AuditEntry }>(
      'select version, entry from audit_entries where project_id = $1 order by version',
      [id],
    );
    let prev = GENESIS_HASH;
    for (const { version, entry } of stored) {
      const rewritten =
        version === 2 ? { ...entry, payloadDigest: canonicalHash({ applicant: 'someone else' }) } : entry;
      const hash = chainHash(prev, rewritten);
      await tamper(
        'update audit_entries set entry = $3, prev_hash = $4, hash = $5 where project_id = $1 and version = $2',
        [id, version, JSON.stringify(rewritten), prev, hash],
      );
      prev = hash;
    }
    await tamper('update projects set chain_head = $2 where id = $1', [id, prev]);
    expect(await verify(`?project=${id}`)).toMatchObject({
      ok: false,
      checked: 3,
      firstBroken: { projectId: id, version: 4, reason: 'modified', check: 'checkpoint', found: prev },
    });
  });

  it('a project whose whole stream was deleted after a checkpoint is found', async () => {
    const id = await drivenProject(t, keys);
    await checkpoint();
    await tamper('delete from audit_entries where project_id = $1', [id]);
    await tamper('delete from events where project_id = $1', [id]);
    await tamper('delete from timers where project_id = $1', [id]);
    await tamper('delete from projects where id = $1', [id]);
    expect(await verify(`?project=${id}`)).toMatchObject({
      ok: false,
      firstBroken: { projectId: id, reason: 'truncated', check: 'checkpoint' },
    });
  });

  it('a project whose events were all deleted is refused by replay as a missing stream (409), not a crash', async () => {
    const id = await drivenProject(t, keys);
    await tamper('delete from audit_entries where project_id = $1', [id]);
    await tamper('delete from events where project_id = $1', [id]);
    const res = await t.http.get(`/api/projects/${id}/replay`).set('Authorization', `Bearer ${keys.auditor}`);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toMatch(/stream-missing$/);
    expect(res.body.detail).toContain(id);
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  it('refuses an unknown project (404), a malformed id (422), no key (401) and an enterprise (403)', async () => {
    const unknown = await t.http
      .get('/api/audit/verify?project=8b0e3c52-8f0b-4a8e-9c2e-1d1f4c6b7a90')
      .set('Authorization', `Bearer ${keys.auditor}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const malformed = await t.http
      .get('/api/audit/verify?project=abc')
      .set('Authorization', `Bearer ${keys.auditor}`);
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors).toEqual([{ path: '/project', message: 'project must be a UUID' }]);
    expect((await t.http.get('/api/audit/verify')).status).toBe(401);
    expect(
      (await t.http.get('/api/audit/verify').set('Authorization', `Bearer ${keys.enterprise}`)).status,
    ).toBe(403);
  });
});
