import { ManualClock } from '../../src/common/clock';
import { buildDiagramModel } from '../../src/diagrams/render';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import { generatedLifecycle } from '../unit/diagrams/fixtures/generated-lifecycle';
import { parseSvg, type SvgGroup } from '../unit/diagrams/support/parse-svg';
import { createProject, sendEvent } from '../support/drive-project';
import { startTestApp, type TestApp } from '../support/test-app';

const CURRENT_FILL = '#ffd54f';
const shown = (groups: SvgGroup[]) =>
  groups
    .flatMap((g) => g.texts)
    .join('\n')
    .replace(/\u00a0/g, '');
const node = (groups: SvgGroup[], path: string) =>
  groups.find((g) => g.kind === 'node' && g.name === `state_${path}`);
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
/** supertest buffers only text/* and JSON as text; SVG arrives as a Buffer. */
const svgOf = (res: { body: unknown; text: string }) =>
  Buffer.isBuffer(res.body) ? res.body.toString('utf8') : res.text;

describe('process-flow diagrams over HTTP', () => {
  let t: TestApp;
  let entA: string;
  let entB: string;
  let auditor: string;
  let definition: LifecycleDefinition;
  const base = '/api/definitions/industrial-project/versions/1';

  beforeAll(async () => {
    // Before every deadline of the test projects, so no timer fires behind the test's back.
    t = await startTestApp({}, new ManualClock(new Date('2016-03-01T00:00:00.000Z')));
    [entA, entB, auditor] = await Promise.all([
      t.keyFor('enterprise', 'ent-a'),
      t.keyFor('enterprise', 'ent-b'),
      t.keyFor('auditor'),
    ]);
    const res = await t.http.get(base).set(bearer(t.adminKey));
    definition = (res.body as { definition: LifecycleDefinition }).definition;
  });
  afterAll(() => t.close());

  describe('GET /api/definitions/{key}/versions/{v}/diagram.svg', () => {
    it('draws every state in Chinese by default, as well-formed SVG that may be cached', async () => {
      const res = await t.http.get(`${base}/diagram.svg`).set(bearer(entA));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers['cache-control']).toContain('immutable');
      const text = shown(parseSvg(svgOf(res)));
      for (const state of buildDiagramModel(definition).states) expect(text).toContain(state.label?.zh);

      const again = await t.http
        .get(`${base}/diagram.svg`)
        .set(bearer(entA))
        .set('If-None-Match', String(res.headers.etag));
      expect(again.status).toBe(304);
    });

    it('draws English labels with lang=en', async () => {
      const res = await t.http.get(`${base}/diagram.svg?lang=en`).set(bearer(auditor));
      expect(res.status).toBe(200);
      const text = shown(parseSvg(svgOf(res)));
      for (const state of buildDiagramModel(definition).states) expect(text).toContain(state.label?.en);
      expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    });

    it('refuses an unknown lang with 422 naming lang', async () => {
      const res = await t.http.get(`${base}/diagram.svg?lang=xx`).set(bearer(entA));
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: '/lang' })]);
    });

    it('refuses bad heat and scope values with 422', async () => {
      const heat = await t.http.get(`${base}/diagram.svg?heat=yes`).set(bearer(entA));
      expect(heat.status).toBe(422);
      expect(heat.body.errors).toEqual([expect.objectContaining({ path: '/heat' })]);
      const scope = await t.http.get(`${base}/diagram.svg?heat=1&scope=some`).set(bearer(entA));
      expect(scope.status).toBe(422);
    });

    it('answers 401 without a key, 404 for a version or definition that does not exist', async () => {
      expect((await t.http.get(`${base}/diagram.svg`)).status).toBe(401);
      const version = await t.http
        .get('/api/definitions/industrial-project/versions/99/diagram.svg')
        .set(bearer(entA));
      expect(version.status).toBe(404);
      expect(version.headers['content-type']).toContain('application/problem+json');
      const key = await t.http.get('/api/definitions/no-such-thing/versions/1/diagram.svg').set(bearer(entA));
      expect(key.status).toBe(404);
      expect(
        (await t.http.get('/api/definitions/industrial-project/versions/0/diagram.svg').set(bearer(entA)))
          .status,
      ).toBe(422);
    });

    it('draws a draft for the bureau only, and a 60-state definition', async () => {
      const created = await t.http
        .post('/api/definitions/generated-60/versions')
        .set(bearer(t.adminKey))
        .send(generatedLifecycle(60));
      expect(created.status).toBe(201);
      const draft = '/api/definitions/generated-60/versions/1/diagram.svg';
      expect((await t.http.get(draft).set(bearer(entA))).status).toBe(404);
      const started = Date.now();
      const res = await t.http.get(draft).set(bearer(t.adminKey));
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toContain('no-cache');
      expect(
        parseSvg(svgOf(res)).filter((g) => g.kind === 'node' && g.name.startsWith('state_')),
      ).toHaveLength(55);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('answers a clear 422 for a definition too large to draw, without laying it out', async () => {
      const created = await t.http
        .post('/api/definitions/generated-450/versions')
        .set(bearer(t.adminKey))
        .send(generatedLifecycle(450));
      expect(created.status).toBe(201);
      const started = Date.now();
      const res = await t.http
        .get('/api/definitions/generated-450/versions/1/diagram.svg')
        .set(bearer(t.adminKey));
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        type: 'https://waypost.dev/problems/diagram-too-large',
        states: 450,
        maxStates: 400,
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });

  describe('GET /api/definitions/{key}/versions/{v}/diagram.mmd', () => {
    it('exports Mermaid stateDiagram-v2 text', async () => {
      const res = await t.http.get(`${base}/diagram.mmd?lang=en`).set(bearer(entA));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/vnd.mermaid; charset=utf-8');
      expect(res.text.startsWith('stateDiagram-v2\n')).toBe(true);
      expect(res.text).toContain('"Under construction"');
    });

    it('refuses lang=xx (422), a missing version (404) and no key (401)', async () => {
      expect((await t.http.get(`${base}/diagram.mmd?lang=xx`).set(bearer(entA))).status).toBe(422);
      expect(
        (await t.http.get('/api/definitions/industrial-project/versions/7/diagram.mmd').set(bearer(entA)))
          .status,
      ).toBe(404);
      expect((await t.http.get(`${base}/diagram.mmd`)).status).toBe(401);
    });
  });

  describe('a project diagram, counts and stats', () => {
    let project: string;
    let finished: string;

    beforeAll(async () => {
      const [service, expert] = await Promise.all([t.keyFor('service'), t.keyFor('expert')]);
      project = await createProject(t.http, t.adminKey, 'ent-a');
      await sendEvent(t.http, entA, project, 'SUBMIT', { applicant: 'A' });
      await sendEvent(t.http, t.adminKey, project, 'RETURN_FOR_REVISION', { reasons: ['incomplete'] });
      await sendEvent(t.http, entA, project, 'SUBMIT', { applicant: 'A' });
      await sendEvent(t.http, t.adminKey, project, 'APPROVE', { approvalNo: 'No. 7' });

      finished = await createProject(t.http, t.adminKey, 'ent-b');
      const steps: [string, string, Record<string, unknown>][] = [
        [entB, 'SUBMIT', { applicant: 'B' }],
        [t.adminKey, 'APPROVE', { approvalNo: 'No. 8' }],
        [entB, 'APPLY_ACCEPTANCE', { materials: ['report'] }],
        [t.adminKey, 'MATERIALS_COMPLETE', {}],
        [service, 'SCHEDULE_MOCK_DEFENSE', { date: '2016-04-01', experts: ['E'] }],
        [service, 'RECORD_MOCK_DEFENSE', { result: 'ready', problems: [] }],
        [t.adminKey, 'SCHEDULE_EXPERT_ACCEPTANCE', { date: '2016-05-01' }],
        [expert, 'RECORD_EXPERT_VERDICT', { verdict: 'fail', panel: ['E'], opinions: 'not yet' }],
        [entB, 'SUBMIT_RECTIFICATION', { fixed: ['all'] }],
        [t.adminKey, 'SCHEDULE_EXPERT_ACCEPTANCE', { date: '2016-06-01' }],
        [expert, 'RECORD_EXPERT_VERDICT', { verdict: 'pass', panel: ['E'], opinions: 'good' }],
      ];
      for (const [key, type, payload] of steps) await sendEvent(t.http, key, finished, type, payload);
    });

    it("lights the project's current state and draws taken transitions heavier, with counts and entry times", async () => {
      const res = await t.http.get(`/api/projects/${project}/diagram.svg`).set(bearer(entA));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      const groups = parseSvg(svgOf(res));
      expect(node(groups, 'construction.active')?.fills).toContain(CURRENT_FILL);
      for (const other of ['draft', 'submitted', 'construction.suspended']) {
        expect(node(groups, other)?.fills).not.toContain(CURRENT_FILL);
      }
      const edgeTexts = groups
        .filter((g) => g.kind === 'edge')
        .map((g) => g.texts.join(' ').replace(/\u00a0/g, ''));
      expect(edgeTexts.some((text) => text.includes('×2'))).toBe(true);
      expect(node(groups, 'draft')?.tooltips.join('\n')).toContain('2016-03-01T00:00:00.000Z');
    });

    it('is 404 for another enterprise, a project that does not exist, 422 for a bad id, 401 without a key', async () => {
      expect((await t.http.get(`/api/projects/${project}/diagram.svg`).set(bearer(entB))).status).toBe(404);
      const missing = await t.http
        .get('/api/projects/6f1c1b7e-3a44-4b8e-9a39-1f2d3c4b5a69/diagram.svg')
        .set(bearer(t.adminKey));
      expect(missing.status).toBe(404);
      expect((await t.http.get('/api/projects/nope/diagram.svg').set(bearer(t.adminKey))).status).toBe(422);
      expect(
        (await t.http.get(`/api/projects/${project}/diagram.svg?lang=fr`).set(bearer(entA))).status,
      ).toBe(422);
      expect((await t.http.get(`/api/projects/${project}/diagram.svg`)).status).toBe(401);
    });

    it('overlays now and ever counts per state with heat=1', async () => {
      const res = await t.http.get(`${base}/diagram.svg?heat=1&lang=en`).set(bearer(t.adminKey));
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toContain('no-cache');
      expect(res.headers.etag).toBeUndefined();
      const groups = parseSvg(svgOf(res));
      const texts = (path: string) => (node(groups, path)?.texts ?? []).join(' ').replace(/\u00a0/g, '');
      expect(texts('construction.active')).toContain('now 1 · ever 2');
      expect(texts('draft')).toContain('now 0 · ever 2');
      const all = await t.http.get(`${base}/diagram.svg?heat=1&scope=all&lang=en`).set(bearer(t.adminKey));
      expect(all.status).toBe(200);
      expect(
        (node(parseSvg(svgOf(all)), 'accepted')?.texts ?? []).join(' ').replace(/\u00a0/g, ''),
      ).toContain('now 1 · ever 1');
    });

    it('GET /api/stats gives the same figures as JSON, with totals and the acceptance funnel', async () => {
      const res = await t.http.get('/api/stats').set(bearer(auditor));
      expect(res.status).toBe(200);
      const body = res.body as {
        definitions: {
          key: string;
          version?: number;
          states: Record<string, { now: number; ever: number }>;
        }[];
        totals: Record<string, number>;
        funnel: Record<string, number>;
      };
      const v1 = body.definitions.find((d) => d.key === 'industrial-project' && d.version === 1);
      const all = body.definitions.find((d) => d.key === 'industrial-project' && d.version === undefined);
      expect(v1?.states['construction.active']).toEqual({ now: 1, ever: 2 });
      expect(v1?.states.construction).toEqual({ now: 1, ever: 2 });
      expect(v1?.states.acceptance).toEqual({ now: 0, ever: 1 });
      expect(all?.states.accepted).toEqual({ now: 1, ever: 1 });
      expect(body.totals).toEqual({ projects: 2, active: 1, done: 1, overdue: 0 });
      expect(body.funnel).toEqual({ appliedForAcceptance: 1, mockDefenseHeld: 1, passed: 1, failed: 1 });
      expect((await t.http.get('/api/stats').set(bearer(t.adminKey))).status).toBe(200);
    });

    it('GET /api/stats is 403 for an enterprise and 401 without a key', async () => {
      const res = await t.http.get('/api/stats').set(bearer(entA));
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect((await t.http.get('/api/stats')).status).toBe(401);
    });
  });
});
