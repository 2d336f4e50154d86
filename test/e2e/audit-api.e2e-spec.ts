import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signerOf } from '../../src/audit/checkpoint/checkpoint-key';
import { verifyFile } from '../../src/audit/verify/verify-file';
import { startTestApp, type TestApp } from '../support/test-app';
import { auditKeys, drivenProject, ownerRows, tamper, type AuditKeys } from '../support/audit-fixtures';

describe('audit API: export, checkpoints, security entries, replay, history', () => {
  let t: TestApp;
  let keys: AuditKeys;
  let projectId: string;
  let signingKey: KeyObject;
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    signingKey = privateKey;
    process.env.WAYPOST_CHECKPOINT_KEY = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      t = await startTestApp();
    } finally {
      delete process.env.WAYPOST_CHECKPOINT_KEY;
    }
    keys = await auditKeys(t);
  });
  afterAll(() => t.close());

  it('exports an empty database as a valid, verifiable NDJSON document', async () => {
    const res = await t.http.get('/api/audit/export.ndjson').set(as(keys.auditor));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string });
    expect(lines.map((line) => line.kind)).toEqual(['header', 'end']);
    expect(lines[1]).toEqual({ kind: 'end', projects: 0, entries: 0, checkpoints: 0 });
    expect(await verifyFile(await saved(res.text))).toEqual({ ok: true, checked: 0, firstBroken: null });
  });

  it('has no checkpoint before one is taken (404)', async () => {
    const res = await t.http.get('/api/audit/checkpoints/latest').set(as(keys.auditor));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('takes a signed checkpoint on demand (bureau only) and publishes it with its public key', async () => {
    projectId = await drivenProject(t, keys);
    await drivenProject(t, keys);
    expect((await t.http.post('/api/audit/checkpoints')).status).toBe(401);
    expect((await t.http.post('/api/audit/checkpoints').set(as(keys.auditor))).status).toBe(403);
    const created = await t.http.post('/api/audit/checkpoints').set(as(keys.bureau));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ count: 2, algorithm: 'Ed25519' });
    expect(created.body.root).toMatch(/^[0-9a-f]{64}$/);
    expect(created.body.publicKey).toContain('BEGIN PUBLIC KEY');
    const latest = await t.http.get('/api/audit/checkpoints/latest').set(as(keys.auditor));
    expect(latest.body).toEqual(created.body);
  });

  it('exports the log with its checkpoint; the export verifies offline, and a cut or edited copy does not', async () => {
    const res = await t.http.get('/api/audit/export.ndjson').set(as(keys.bureau));
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1])).toEqual({
      kind: 'end',
      projects: 2,
      entries: 8,
      checkpoints: 1,
    });
    expect(await verifyFile(await saved(res.text))).toEqual({ ok: true, checked: 8, firstBroken: null });
    const cut = await verifyFile(await saved(lines.slice(0, -3).join('\n') + '\n'));
    expect(cut).toMatchObject({ ok: false, firstBroken: { reason: 'truncated' } });
    const edited = await verifyFile(await saved(res.text.replace('李工 Li Gong', '李工 Li Gang')));
    expect(edited).toMatchObject({
      ok: false,
      firstBroken: { reason: 'modified', check: 'entry.payloadDigest', version: 2 },
    });
    const resigned = await verifyFile(
      await saved(res.text.replace(/"signature":"[^"]{4}/, '"signature":"AAAA')),
    );
    expect(resigned).toMatchObject({ ok: false, firstBroken: { check: 'checkpoint.signature' } });
    expect(await verifyFile(await saved('not json\n'))).toMatchObject({
      ok: false,
      firstBroken: { check: 'file.line 1' },
    });
  });

  it('records refused attempts as security entries that auditors can list', async () => {
    const refused = await t.http
      .post(`/api/projects/${projectId}/events`)
      .set(as(keys.enterprise))
      .send({ type: 'APPROVE', payload: { approvalNo: 'self-approved' } });
    expect(refused.status).toBe(403);
    let page: { items: { projectId: string; status: number; reason: string; role: string }[] } = {
      items: [],
    };
    for (let i = 0; i < 100 && page.items.length === 0; i++) {
      const res = await t.http.get(`/api/audit/security-entries?project=${projectId}`).set(as(keys.auditor));
      expect(res.status).toBe(200);
      page = res.body as typeof page;
      if (page.items.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(page.items).toEqual([
      expect.objectContaining({
        projectId,
        status: 403,
        reason: 'forbidden',
        role: 'enterprise',
        eventType: 'APPROVE',
      }),
    ]);
    expect((await t.http.get('/api/audit/security-entries').set(as(keys.enterprise))).status).toBe(403);
    expect((await t.http.get('/api/audit/security-entries')).status).toBe(401);
    const bad = await t.http.get('/api/audit/security-entries?limit=0').set(as(keys.auditor));
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('/limit');
  });

  it('records refusals on any route, not only events, with the route that was refused', async () => {
    await t.http
      .post('/api/principals')
      .set(as(keys.enterprise))
      .send({ name: 'x', role: 'bureau' })
      .expect(403);
    await t.http
      .post(`/api/projects/${projectId}/events`)
      .set(as(keys.enterprise))
      .set('If-Match', '"999"')
      .send({ type: 'ASK_QUESTION', payload: { question: 'q', topic: 't' } })
      .expect(412);
    type Entry = { status: number; eventType: string; projectId: string | null; role: string };
    let entries: Entry[] = [];
    // Security entries are written after the answer: wait for both of these, not any two refusals.
    const seen = () =>
      entries.some((e) => e.eventType === 'POST /api/principals') && entries.some((e) => e.status === 412);
    for (let i = 0; i < 100 && !seen(); i++) {
      const res = await t.http.get('/api/audit/security-entries?limit=100').set(as(keys.auditor)).expect(200);
      entries = (res.body as { items: Entry[] }).items;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          status: 403,
          eventType: 'POST /api/principals',
          projectId: null,
          role: 'enterprise',
        }),
        expect.objectContaining({ status: 412, eventType: 'ASK_QUESTION', projectId }),
      ]),
    );
  });

  it('replays to the end and matches the events and the read model', async () => {
    const res = await t.http.get(`/api/projects/${projectId}/replay`).set(as(keys.auditor));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      projectId,
      definition: { key: 'industrial-project', version: 1 },
      version: 4,
      matches: true,
      matchesEvents: true,
      matchesReadModel: true,
      mismatches: [],
    });
    const project = await t.http.get(`/api/projects/${projectId}`).set(as(keys.bureau));
    expect(res.body.state).toEqual(project.body.state);
  });

  it('replays to a version and to an instant', async () => {
    const toTwo = await t.http.get(`/api/projects/${projectId}/replay?to=2`).set(as(keys.bureau));
    expect(toTwo.body).toMatchObject({
      version: 2,
      state: 'submitted',
      matches: true,
      matchesReadModel: null,
    });
    const far = await t.http
      .get(`/api/projects/${projectId}/replay?at=2100-01-01T00:00:00Z`)
      .set(as(keys.auditor));
    expect(far.body).toMatchObject({ version: 4, matches: true });
  });

  it.each([
    ['to=0', '/to'],
    ['to=99', '/to'],
    ['to=two', '/to'],
    ['at=1999-01-01T00:00:00Z', '/at'],
    ['at=yesterday', '/at'],
    ['at=2020-13-45T99:00:00Z', '/at'],
    ['to=2&at=2100-01-01T00:00:00Z', '/at'],
  ])('refuses replay with %s (422 naming %s)', async (query, path) => {
    const res = await t.http.get(`/api/projects/${projectId}/replay?${query}`).set(as(keys.auditor));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses replay to enterprises (403), without a key (401), of unknown projects (404) and bad ids (422)', async () => {
    expect((await t.http.get(`/api/projects/${projectId}/replay`).set(as(keys.enterprise))).status).toBe(403);
    expect((await t.http.get(`/api/projects/${projectId}/replay`)).status).toBe(401);
    const unknown = '8b0e3c52-8f0b-4a8e-9c2e-1d1f4c6b7a90';
    expect((await t.http.get(`/api/projects/${unknown}/replay`).set(as(keys.auditor))).status).toBe(404);
    expect((await t.http.get('/api/projects/nope/replay').set(as(keys.auditor))).status).toBe(422);
  });

  it('exports a project history as JSON and as CSV, scoped like the project', async () => {
    const json = await t.http.get(`/api/projects/${projectId}/history.json`).set(as(keys.enterprise));
    expect(json.status).toBe(200);
    const body = JSON.parse(json.text) as { projectId: string; events: { version: number; hash: string }[] };
    expect(body.projectId).toBe(projectId);
    expect(body.events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(body.events[3].hash).toMatch(/^[0-9a-f]{64}$/);
    const csv = await t.http.get(`/api/projects/${projectId}/history.csv`).set(as(keys.auditor));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toMatch(/^version,type,occurredAt/);
    expect(rows).toHaveLength(5);
    expect(rows[2]).toContain('李工 Li Gong');
    const viaQuery = await t.http.get(`/api/projects/${projectId}/history?format=csv`).set(as(keys.auditor));
    expect(viaQuery.text).toBe(csv.text);
    const other = await t.keyFor('enterprise', 'ent-b');
    expect((await t.http.get(`/api/projects/${projectId}/history.json`).set(as(other))).status).toBe(404);
    expect((await t.http.get(`/api/projects/${projectId}/history.json`)).status).toBe(401);
    expect(
      (await t.http.get(`/api/projects/${projectId}/history?format=xml`).set(as(keys.auditor))).status,
    ).toBe(422);
  });

  it("an event's audit entry carries the request id and the idempotency key of its request", async () => {
    const id = await drivenProject(t, keys);
    const res = await t.http
      .post(`/api/projects/${id}/events`)
      .set(as(keys.enterprise))
      .set('X-Request-Id', 'audit-request-1')
      .set('Idempotency-Key', 'audit-idem-1')
      .send({ type: 'ASK_QUESTION', payload: { question: '验收要带哪些材料？', topic: 'acceptance' } });
    expect(res.status).toBe(200);
    const [row] = await ownerRows<{ entry: Record<string, unknown> }>(
      'select entry from audit_entries where project_id = $1 and version = $2',
      [id, res.body.version],
    );
    expect(row.entry).toMatchObject({
      projectId: id,
      version: 5,
      type: 'ASK_QUESTION',
      actor: { role: 'enterprise' },
      requestId: 'audit-request-1',
      idempotencyKey: 'audit-idem-1',
    });
  });

  it('records 409 (not allowed in this state) and 422 (invalid payload) refusals as security entries', async () => {
    const id = await drivenProject(t, keys);
    await t.http
      .post(`/api/projects/${id}/events`)
      .set(as(keys.enterprise))
      .set('X-Request-Id', 'refused-409')
      .send({ type: 'SUBMIT', payload: { applicant: 'again' } })
      .expect(409);
    await t.http
      .post(`/api/projects/${id}/events`)
      .set(as(keys.enterprise))
      .set('X-Request-Id', 'refused-422')
      .send({ type: 'PROGRESS_REPORT', payload: { period: '2020-Q3', percentComplete: 'most' } })
      .expect(422);
    type Entry = {
      status: number;
      eventType: string;
      role: string;
      requestId: string;
      detail: { status: number };
    };
    let items: Entry[] = [];
    for (let i = 0; i < 100 && items.length < 2; i++) {
      const res = await t.http
        .get(`/api/audit/security-entries?project=${id}`)
        .set(as(keys.auditor))
        .expect(200);
      items = (res.body as { items: Entry[] }).items;
      if (items.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(items).toEqual([
      expect.objectContaining({
        status: 422,
        eventType: 'PROGRESS_REPORT',
        role: 'enterprise',
        requestId: 'refused-422',
        detail: expect.objectContaining({ status: 422 }),
      }),
      expect.objectContaining({
        status: 409,
        eventType: 'SUBMIT',
        role: 'enterprise',
        requestId: 'refused-409',
        detail: expect.objectContaining({ status: 409 }),
      }),
    ]);
  });

  it('verify trusts only the configured key: a checkpoint re-signed with another key is untrusted', async () => {
    const verify = async () => (await t.http.get('/api/audit/verify').set(as(keys.auditor)).expect(200)).body;
    const created = await t.http.post('/api/audit/checkpoints').set(as(keys.bureau)).expect(201);
    const checkpoint = created.body as { id: number; createdAt: string; count: number; root: string };
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
    const forger = signerOf(generateKeyPairSync('ed25519').privateKey);
    const [original] = await ownerRows<{ signature: string; public_key: string }>(
      'select signature, public_key from checkpoints where id = $1',
      [checkpoint.id],
    );
    const resign = (signature: string | null, publicKey: string | null) =>
      tamper('update checkpoints set signature = $2, public_key = $3 where id = $1', [
        checkpoint.id,
        signature,
        publicKey,
      ]);
    try {
      await resign(forger.sign(checkpoint), forger.publicKeyPem);
      expect(await verify()).toMatchObject({
        ok: false,
        firstBroken: { reason: 'untrusted', check: 'checkpoint.publicKey', found: forger.publicKeyPem },
      });
      // The export carries the forged checkpoint too: consistent in itself, untrusted under the pinned key.
      const file = await saved((await t.http.get('/api/audit/export.ndjson').set(as(keys.auditor))).text);
      expect(await verifyFile(file)).toMatchObject({ ok: true });
      expect(await verifyFile(file, undefined, createPublicKey(signingKey))).toMatchObject({
        ok: false,
        firstBroken: { reason: 'untrusted', check: 'checkpoint.publicKey' },
      });
      await resign(null, null);
      expect(await verify()).toMatchObject({
        ok: false,
        firstBroken: { reason: 'untrusted', check: 'checkpoint.signature' },
      });
    } finally {
      await resign(original.signature, original.public_key);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('verify checks every checkpoint, not only the latest: heads taken out of an earlier one break its root', async () => {
    const verify = async () => (await t.http.get('/api/audit/verify').set(as(keys.auditor)).expect(200)).body;
    await t.http.post('/api/audit/checkpoints').set(as(keys.bureau)).expect(201);
    const [first] = await ownerRows<{ id: number; project_id: string; version: number; hash: string }>(
      `select h.checkpoint_id as id, h.project_id, h.version, h.hash from checkpoint_heads h
       where h.checkpoint_id = (select min(id) from checkpoints) order by h.project_id limit 1`,
      [],
    );
    await tamper('delete from checkpoint_heads where checkpoint_id = $1 and project_id = $2', [
      first.id,
      first.project_id,
    ]);
    try {
      expect(await verify()).toMatchObject({
        ok: false,
        firstBroken: { reason: 'truncated', check: 'checkpoint.root', expected: { checkpoint: first.id } },
      });
    } finally {
      await tamper(
        'insert into checkpoint_heads (checkpoint_id, project_id, version, hash) values ($1, $2, $3, $4)',
        [first.id, first.project_id, first.version, first.hash],
      );
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('exports every checkpoint, oldest first; offline, an edited or removed earlier one is detected', async () => {
    const text = (await t.http.get('/api/audit/export.ndjson').set(as(keys.auditor)).expect(200)).text;
    const lines = text.trim().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as { kind: string; checkpoint?: { id: number } });
    const at = parsed.flatMap((line, index) => (line.kind === 'checkpoint' ? [index] : []));
    const ids = at.map((index) => parsed[index].checkpoint?.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids).toEqual([...ids].sort((a = 0, b = 0) => a - b));
    expect(parsed[parsed.length - 1]).toMatchObject({ kind: 'end', checkpoints: ids.length });
    const pinned = createPublicKey(signingKey);
    expect(await verifyFile(await saved(text), undefined, pinned)).toMatchObject({
      ok: true,
      firstBroken: null,
    });
    const first = at[0];
    const edited = (change: object) =>
      lines
        .map((line, index) =>
          index === first
            ? JSON.stringify({ kind: 'checkpoint', checkpoint: { ...parsed[first].checkpoint, ...change } })
            : line,
        )
        .join('\n');
    for (const change of [{ root: 'f'.repeat(64) }, { signature: Buffer.alloc(64).toString('base64') }])
      expect(await verifyFile(await saved(edited(change)), undefined, pinned)).toMatchObject({
        ok: false,
        firstBroken: { reason: 'modified', check: 'checkpoint.signature', expected: { checkpoint: ids[0] } },
      });
    const removed = lines.filter((_, index) => index !== first).join('\n');
    expect(await verifyFile(await saved(removed), undefined, pinned)).toMatchObject({
      ok: false,
      firstBroken: { reason: 'truncated', check: 'file.end', found: { checkpoints: ids.length - 1 } },
    });
  });
});

async function saved(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'waypost-export-'));
  const file = join(dir, 'export.ndjson');
  await writeFile(file, text);
  return file;
}
