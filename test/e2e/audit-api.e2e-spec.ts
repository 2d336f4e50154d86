import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyFile } from '../../src/audit/verify/verify-file';
import { startTestApp, type TestApp } from '../support/test-app';
import { auditKeys, drivenProject, type AuditKeys } from '../support/audit-fixtures';

describe('audit API: export, checkpoints, security entries, replay, history', () => {
  let t: TestApp;
  let keys: AuditKeys;
  let projectId: string;
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });

  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
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
    expect(lines.map((line) => line.kind)).toEqual(['header', 'checkpoint', 'end']);
    expect(lines[2]).toEqual({ kind: 'end', projects: 0, entries: 0 });
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
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ kind: 'end', projects: 2, entries: 8 });
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
    for (
      let i = 0;
      i < 100 && entries.filter((e) => e.status !== 403 || e.eventType === 'POST /api/principals').length < 2;
      i++
    ) {
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
});

async function saved(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'waypost-export-'));
  const file = join(dir, 'export.ndjson');
  await writeFile(file, text);
  return file;
}
