import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  auth,
  createProject,
  drive,
  HAPPY_PATH,
  makeKeys,
  PROJECT_DATA,
  sendEvent,
  type Keys,
} from '../support/projects';

/** A refusal answers with an RFC 9457 problem document. */
function expectProblem(res: Response, status: number): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
}

const label = { zh: '标签', en: 'Label' };

/** A small lifecycle whose only way out is guarded with no fallback, so the guard can refuse. */
const GUARDED = {
  key: 'guarded-review',
  title: { zh: '守卫测试', en: 'Guard test' },
  roles: ['bureau', 'enterprise'],
  data: { type: 'object' },
  machine: {
    id: 'guarded-review',
    initial: 'open',
    states: {
      open: {
        meta: { label },
        on: {
          DECIDE: {
            target: 'closed',
            guard: { type: 'payloadEquals', params: { field: 'verdict', value: 'pass' } },
          },
        },
      },
      closed: { meta: { label }, type: 'final' },
    },
  },
  events: {
    DECIDE: {
      label,
      roles: ['enterprise'],
      payload: {
        type: 'object',
        additionalProperties: false,
        required: ['verdict'],
        properties: { verdict: { enum: ['pass', 'fail'] } },
      },
    },
  },
};

describe('projects: lifecycles driven through the API', () => {
  let t: TestApp;
  let keys: Keys;
  const count = async (sql: string, params: unknown[] = []) =>
    (
      await t.app
        .get(EntityManager)
        .getConnection()
        .execute<{ n: number }[]>(`select count(*)::int as n ${sql}`, params)
    )[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    keys = await makeKeys(t);
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('an enterprise creates a project for itself on the newest published version', async () => {
      const res = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .send({ definition: 'industrial-project', title: '个体化医疗检测平台', data: PROJECT_DATA })
        .expect(201);
      expect(res.body).toMatchObject({
        enterpriseId: 'ent-a',
        state: 'draft',
        version: 1,
        definition: { key: 'industrial-project', version: 1 },
      });
      expect(res.headers.etag).toBe('"1"');
      expect(res.body.context.data).toEqual(PROJECT_DATA);
    });

    it('the bureau creates for a named enterprise, and must name one', async () => {
      const res = await t.http
        .post('/api/projects')
        .set(auth(keys.bureau))
        .send({
          definition: 'industrial-project',
          definitionVersion: 1,
          title: '智能装备产线',
          enterpriseId: 'ent-c',
          data: PROJECT_DATA,
        })
        .expect(201);
      expect(res.body.enterpriseId).toBe('ent-c');
      const missing = await t.http
        .post('/api/projects')
        .set(auth(keys.bureau))
        .send({ definition: 'industrial-project', title: 'x', data: PROJECT_DATA });
      expect(missing.status).toBe(422);
      expect(missing.body.errors).toEqual([expect.objectContaining({ path: '/enterpriseId' })]);
    });

    it('refuses who may not create, unknown definitions and bad data, storing nothing', async () => {
      const before = await count('from events');
      const body = { definition: 'industrial-project', title: 't', data: PROJECT_DATA };
      await t.http.post('/api/projects').send(body).expect(401);
      await t.http.post('/api/projects').set(auth(keys.service)).send(body).expect(403);
      await t.http.post('/api/projects').set(auth(keys.auditor)).send(body).expect(403);
      await t.http
        .post('/api/projects')
        .set(auth(keys.bureau))
        .send({ ...body, definition: 'no-such-lifecycle', enterpriseId: 'e' })
        .expect(404);
      await t.http
        .post('/api/projects')
        .set(auth(keys.bureau))
        .send({ ...body, definitionVersion: 99, enterpriseId: 'e' })
        .expect(404);
      const bad = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .send({
          ...body,
          data: { plannedCompletion: '1970-01-01', plannedInvestment: -5, industry: 'mining' },
        })
        .expect(422);
      expectProblem(bad, 422);
      expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        '/data/industry',
        '/data/plannedCompletion',
        '/data/plannedInvestment',
      ]);
      const future = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .send({ ...body, data: { ...PROJECT_DATA, plannedCompletion: '2200-01-01' } })
        .expect(422);
      expect(future.body.errors.map((e: { path: string }) => e.path)).toEqual(['/data/plannedCompletion']);
      const notADate = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .send({ ...body, data: { ...PROJECT_DATA, plannedCompletion: 'next spring' } })
        .expect(422);
      expect(notADate.body.errors[0].path).toBe('/data/plannedCompletion');
      const other = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .send({ ...body, enterpriseId: 'ent-b' })
        .expect(422);
      expect(other.body.errors[0].path).toBe('/enterpriseId');
      const nul = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .send({ ...body, data: { ...PROJECT_DATA, description: 'a\u0000b' } });
      expect(nul.status).toBe(422);
      await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .send({ ...body, state: 'construction' })
        .expect(422);
      expect(await count('from events')).toBe(before);
    });
  });

  describe('sending events', () => {
    it('walks the lifecycle to 通过验收 through the roles that own each step', async () => {
      const id = await createProject(t, keys.enterprise);
      const last = await drive(t, keys, id, HAPPY_PATH);
      expect(last.body).toMatchObject({
        projectId: id,
        version: 10,
        state: 'accepted',
        status: 'done',
        availableEvents: [],
      });
      const history = await t.http.get(`/api/projects/${id}/events`).set(auth(keys.auditor)).expect(200);
      expect(history.body.map((e: { version: number }) => e.version)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      expect(history.body[1]).toMatchObject({
        type: 'SUBMIT',
        stateBefore: 'draft',
        stateAfter: 'submitted',
        actor: { role: 'enterprise' },
      });
      expect(history.body[1].label).toEqual({ zh: expect.any(String), en: expect.any(String) });
    });

    it('answers with the new state, version and what the caller may send now', async () => {
      const id = await createProject(t, keys.enterprise);
      const res = await sendEvent(t, keys.enterprise, id, 'SUBMIT').expect(200);
      expect(res.body).toMatchObject({ version: 2, event: 'SUBMIT', state: 'submitted' });
      expect(res.headers.etag).toBe('"2"');
      const types = res.body.availableEvents.map((e: { type: string }) => e.type);
      expect(types).toContain('ASK_QUESTION');
      expect(types).not.toContain('APPROVE');
      const forBureau = await t.http
        .get(`/api/projects/${id}/available-events`)
        .set(auth(keys.bureau))
        .expect(200);
      const approve = forBureau.body.find((e: { type: string }) => e.type === 'APPROVE');
      expect(approve.label.zh).toBeTruthy();
      expect(approve.payload.required).toContain('approvalNo');
    });

    it('403 for a role the event does not allow, 409 with the allowed list when the state does not', async () => {
      const id = await createProject(t, keys.enterprise);
      const forbidden = await sendEvent(t, keys.bureau, id, 'SUBMIT').expect(403);
      expect(forbidden.body.allowedRoles).toEqual(['enterprise']);
      const conflict = await sendEvent(t, keys.bureau, id, 'APPROVE').expect(409);
      expect(conflict.body).toMatchObject({ state: 'draft' });
      expect(conflict.body.allowed).toContain('SUBMIT');
      expect(await count('from events where project_id = ?', [id])).toBe(1);
    });

    it('422 with field errors for invalid payloads, unknown types and extra fields', async () => {
      const id = await createProject(t, keys.enterprise);
      await drive(t, keys, id, [
        ['enterprise', 'SUBMIT'],
        ['bureau', 'APPROVE'],
      ]);
      const invalid = await sendEvent(t, keys.enterprise, id, 'PROGRESS_REPORT', {
        period: 'Q3',
        percentComplete: '60%',
      }).expect(422);
      expectProblem(invalid, 422);
      const paths = invalid.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['/payload/percentComplete', '/payload/investmentSpent']));
      const unknown = await sendEvent(t, keys.enterprise, id, 'FLY_TO_MOON', {}).expect(422);
      expectProblem(unknown, 422);
      expect(unknown.body.errors).toEqual([
        { path: '/type', message: expect.stringContaining('FLY_TO_MOON') },
      ]);
      for (const extra of ['state', 'version', 'enterpriseId']) {
        const res = await t.http
          .post(`/api/projects/${id}/events`)
          .set(auth(keys.enterprise))
          .send({ type: 'RESUME', payload: {}, [extra]: 'x' })
          .expect(422);
        expectProblem(res, 422);
        expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(`/${extra}`);
      }
      const huge = {
        period: '2020-Q3',
        percentComplete: 1,
        investmentSpent: 1,
        investmentPlanned: 1,
        problems: Array(10_000).fill('x'),
        helpRequested: [],
      };
      const tooMany = await sendEvent(t, keys.enterprise, id, 'PROGRESS_REPORT', huge).expect(422);
      expectProblem(tooMany, 422);
      expect(tooMany.body.errors[0].path).toBe('/payload/problems');
      const nul = await sendEvent(t, keys.service, id, 'COACHING', { topic: 'a\u0000b' }).expect(422);
      expectProblem(nul, 422);
      expect(nul.body.errors[0].path).toBe('/payload/topic');
      const tooLarge = await t.http
        .post(`/api/projects/${id}/events`)
        .set(auth(keys.service))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ type: 'COACHING', payload: { topic: 'x'.repeat(1024 * 1024) } }))
        .expect(413);
      expectProblem(tooLarge, 413);
      expect(await count('from events where project_id = ?', [id])).toBe(3);
      await t.http.get('/api/health').expect(200);
    });

    it('If-Match: the current version passes, a stale one is 412, a malformed one is 422', async () => {
      const id = await createProject(t, keys.enterprise);
      await t.http
        .post(`/api/projects/${id}/events`)
        .set(auth(keys.enterprise))
        .set('If-Match', '"1"')
        .send({ type: 'SUBMIT', payload: { applicant: 'a' } })
        .expect(200);
      const events = () => count('from events where project_id = ?', [id]);
      expect(await events()).toBe(2);
      const stale = await t.http
        .post(`/api/projects/${id}/events`)
        .set(auth(keys.service))
        .set('If-Match', '"1"')
        .send({ type: 'COACHING', payload: { topic: 't' } })
        .expect(412);
      expectProblem(stale, 412);
      expect(stale.body.currentVersion).toBe(2);
      const negative = await t.http
        .post(`/api/projects/${id}/events`)
        .set(auth(keys.service))
        .set('If-Match', '"-1"')
        .send({ type: 'COACHING', payload: { topic: 't' } })
        .expect(412);
      expectProblem(negative, 412);
      const bad = await t.http
        .post(`/api/projects/${id}/events`)
        .set(auth(keys.service))
        .set('If-Match', 'abc')
        .send({ type: 'COACHING', payload: { topic: 't' } })
        .expect(422);
      expectProblem(bad, 422);
      expect(bad.body.errors[0].path).toBe('/headers/if-match');
      expect(await events()).toBe(2);
    });

    it('422 naming the guard and why when a guard refuses, appending nothing', async () => {
      await t.http
        .post(`/api/definitions/${GUARDED.key}/versions`)
        .set(auth(keys.bureau))
        .send(GUARDED)
        .expect(201);
      await t.http
        .post(`/api/definitions/${GUARDED.key}/versions/1/publish`)
        .set(auth(keys.bureau))
        .expect(200);
      const created = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .send({ definition: GUARDED.key, title: '守卫 guarded', data: {} })
        .expect(201);
      const id = created.body.id as string;
      const refused = await sendEvent(t, keys.enterprise, id, 'DECIDE', { verdict: 'fail' });
      expectProblem(refused, 422);
      expect(refused.body).toMatchObject({
        type: 'https://waypost.dev/problems/guard-refused',
        guard: 'payloadEquals',
        reason: 'payload.verdict must be "pass"',
      });
      expect(refused.body.detail).toContain('payloadEquals');
      expect(await count('from events where project_id = ?', [id])).toBe(1);
      const detail = await t.http.get(`/api/projects/${id}`).set(auth(keys.enterprise)).expect(200);
      expect(detail.body).toMatchObject({ state: 'open', version: 1 });
      const passed = await sendEvent(t, keys.enterprise, id, 'DECIDE', { verdict: 'pass' }).expect(200);
      expect(passed.body).toMatchObject({ state: 'closed', version: 2, status: 'done' });
    });

    it('ids that are not ids are 422; unknown projects 404', async () => {
      expectProblem(await sendEvent(t, keys.bureau, 'not-a-uuid', 'APPROVE'), 422);
      await sendEvent(t, keys.bureau, '5b3c3a3e-1f0e-4d5b-9a0e-2a1b3c4d5e6f', 'APPROVE').expect(404);
      await t.http.get('/api/projects/%00').set(auth(keys.bureau)).expect(422);
    });
  });

  describe('Idempotency-Key', () => {
    const post = (id: string, key: string, body: object) =>
      t.http
        .post(`/api/projects/${id}/events`)
        .set(auth(keys.service))
        .set('Idempotency-Key', key)
        .send(body);

    it('a repeat returns the first answer byte for byte and appends nothing', async () => {
      const id = await createProject(t, keys.enterprise);
      const first = await post(id, 'coach-1', { type: 'COACHING', payload: { topic: '验收' } }).expect(200);
      const again = await post(id, 'coach-1', { type: 'COACHING', payload: { topic: '验收' } }).expect(200);
      expect(again.text).toBe(first.text);
      expect(await count('from events where project_id = ?', [id])).toBe(2);
    });

    it('the same key with a different body is 422; keys are scoped per principal', async () => {
      const id = await createProject(t, keys.enterprise);
      await post(id, 'k-2', { type: 'COACHING', payload: { topic: 'a' } }).expect(200);
      const reused = await post(id, 'k-2', { type: 'COACHING', payload: { topic: 'b' } }).expect(422);
      expect(reused.body.errors[0].path).toBe('/headers/idempotency-key');
      await t.http
        .post(`/api/projects/${id}/events`)
        .set(auth(keys.bureau))
        .set('Idempotency-Key', 'k-2')
        .send({ type: 'REFERRAL', payload: { program: 'ip' } })
        .expect(200);
      await post(id, 'x'.repeat(256), { type: 'COACHING', payload: { topic: 'a' } }).expect(422);
    });

    it('concurrent requests with one key produce one event', async () => {
      const id = await createProject(t, keys.enterprise);
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => post(id, 'same-key', { type: 'COACHING', payload: { topic: 'c' } })),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      expect(await count('from events where project_id = ?', [id])).toBe(2);
    });

    it('also makes project creation safe to retry', async () => {
      const body = { definition: 'industrial-project', title: '重试 retry', data: PROJECT_DATA };
      const first = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .set('Idempotency-Key', 'create-1')
        .send(body)
        .expect(201);
      const again = await t.http
        .post('/api/projects')
        .set(auth(keys.enterprise))
        .set('Idempotency-Key', 'create-1')
        .send(body)
        .expect(201);
      expect(again.text).toBe(first.text);
      expect(await count("from projects where title = '重试 retry'")).toBe(1);
    });
  });

  describe('concurrency', () => {
    it('50 concurrent events with one expected version: exactly one wins, versions have no gaps', async () => {
      const id = await createProject(t, keys.enterprise);
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.http
            .post(`/api/projects/${id}/events`)
            .set(auth(keys.service))
            .set('If-Match', '"1"')
            .send({ type: 'COACHING', payload: { topic: `t${i}` } }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s !== 200).every((s) => s === 409 || s === 412)).toBe(true);
      const versions = await t.app
        .get(EntityManager)
        .getConnection()
        .execute<{ version: number }[]>('select version from events where project_id = ? order by version', [
          id,
        ]);
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
    });

    it('a race without If-Match: losers get 409 version-conflict, versions have no gaps', async () => {
      const id = await createProject(t, keys.enterprise);
      let winners = 0;
      let losers = 0;
      // Requests that happen to run one after another all win; a few bursts make a lost race certain.
      for (let burst = 0; burst < 5 && losers === 0; burst += 1) {
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            sendEvent(t, keys.service, id, 'COACHING', { topic: `race ${burst}-${i}` }),
          ),
        );
        for (const answer of answers.filter((a) => a.status !== 200)) {
          expectProblem(answer, 409);
          expect(answer.body.type).toBe('https://waypost.dev/problems/version-conflict');
        }
        const won = answers.filter((a) => a.status === 200);
        winners += won.length;
        losers += answers.length - won.length;
      }
      expect(losers).toBeGreaterThan(0);
      const versions = await t.app
        .get(EntityManager)
        .getConnection()
        .execute<{ version: number }[]>('select version from events where project_id = ? order by version', [
          id,
        ]);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: winners + 1 }, (_, i) => i + 1));
    });

    it('50 concurrent events on 50 projects all succeed', async () => {
      const ids = await Promise.all(
        Array.from({ length: 50 }, (_, i) => createProject(t, keys.enterprise, `并发 ${i}`)),
      );
      const answers = await Promise.all(ids.map((id) => sendEvent(t, keys.enterprise, id, 'SUBMIT')));
      expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
      expect(
        await count(`from events where type = 'SUBMIT' and project_id = any(?::uuid[])`, [
          `{${ids.join(',')}}`,
        ]),
      ).toBe(50);
    });
  });
});
