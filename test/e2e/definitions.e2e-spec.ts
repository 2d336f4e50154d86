import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { LoadWorkflowsCommand } from '../../src/definitions/commands/load-workflows/load-workflows.command';
import { WORKFLOWS_DIR } from '../../src/definitions/load-workflows-on-start';
import { auth, createProject, makeKeys, sendEvent, type Keys } from '../support/projects';
import { rowCount } from '../support/row-count';
import { startTestApp, type TestApp } from '../support/test-app';

const shipped = JSON.parse(readFileSync(join(WORKFLOWS_DIR, 'industrial-project.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  title: { zh: string; en: string };
  events: Record<string, { label: { zh: string; en: string } }>;
};

/** The shipped lifecycle with a changed label: a legitimate new version. */
function revised(): Record<string, unknown> {
  const copy = structuredClone(shipped);
  copy.events.COACHING.label = { zh: '一对一精准辅导', en: 'One-on-one targeted coaching' };
  return copy;
}

describe('lifecycle definitions: drafts, immutable published versions, pinned projects', () => {
  let t: TestApp;
  let keys: Keys;
  const versionCount = () => rowCount(t, 'definition_versions');

  beforeAll(async () => {
    t = await startTestApp();
    keys = await makeKeys(t);
  });
  afterAll(() => t.close());

  it('publishes the shipped lifecycle on start, and loading again changes nothing', async () => {
    const list = await t.http.get('/api/definitions').set(auth(keys.enterprise)).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ key: 'industrial-project', latestPublished: 1 })]);
    expect(list.body[0].versions[0]).toMatchObject({
      status: 'published',
      source: 'workflows',
      publishedBy: 'system',
    });
    const loaded = await t.app.get(CommandBus).execute(new LoadWorkflowsCommand(WORKFLOWS_DIR));
    expect(loaded).toEqual([
      { file: 'industrial-project.json', key: 'industrial-project', version: 1, published: false },
    ]);
    expect(await versionCount()).toBe(1);
  });

  it('validates a definition without storing anything', async () => {
    const ok = await t.http
      .post('/api/definitions/validate')
      .set(auth(keys.bureau))
      .send(shipped)
      .expect(200);
    expect(ok.body).toEqual({ valid: true, problems: [] });
    const broken = { ...shipped, machine: { ...(shipped.machine as object), initial: 'nowhere' } };
    const bad = await t.http
      .post('/api/definitions/validate')
      .set(auth(keys.bureau))
      .send(broken)
      .expect(200);
    expect(bad.body.valid).toBe(false);
    expect(bad.body.problems.map((p: { path: string }) => p.path)).toContain('/machine/initial');
    expect(await versionCount()).toBe(1);
  });

  it('drafts, edits and publishes v2; v1 projects stay on v1 while new ones start on v2', async () => {
    const v1Project = await createProject(t, keys.enterprise, 'v1 project');
    const draft = await t.http
      .post('/api/definitions/industrial-project/versions')
      .set(auth(keys.bureau))
      .send(shipped)
      .expect(201);
    expect(draft.body).toMatchObject({ key: 'industrial-project', version: 2, status: 'draft' });
    const hidden = await t.http
      .get('/api/definitions/industrial-project/versions/2')
      .set(auth(keys.enterprise));
    expect(hidden.status).toBe(404);
    await t.http
      .put('/api/definitions/industrial-project/versions/2')
      .set(auth(keys.bureau))
      .send(revised())
      .expect(200);
    const published = await t.http
      .post('/api/definitions/industrial-project/versions/2/publish')
      .set(auth(keys.bureau))
      .expect(200);
    expect(published.body).toMatchObject({
      status: 'published',
      publishedBy: expect.any(String),
      publishedAt: expect.any(String),
    });

    const v2Project = await createProject(t, keys.enterprise, 'v2 project');
    const detail = await t.http.get(`/api/projects/${v2Project}`).set(auth(keys.enterprise)).expect(200);
    expect(detail.body.definition).toEqual({ key: 'industrial-project', version: 2 });
    const old = await t.http.get(`/api/projects/${v1Project}`).set(auth(keys.enterprise)).expect(200);
    expect(old.body.definition).toEqual({ key: 'industrial-project', version: 1 });

    for (const id of [v1Project, v2Project]) await sendEvent(t, keys.service, id, 'COACHING').expect(200);
    const label = async (id: string) =>
      (await t.http.get(`/api/projects/${id}/events`).set(auth(keys.enterprise))).body[1].label.zh as string;
    expect(await label(v1Project)).toBe(shipped.events.COACHING.label.zh);
    expect(await label(v2Project)).toBe('一对一精准辅导');
  });

  it('a published version is frozen: editing or re-publishing it is 409, even for the database owner', async () => {
    await t.http
      .put('/api/definitions/industrial-project/versions/1')
      .set(auth(keys.bureau))
      .send(revised())
      .expect(409);
    await t.http
      .post('/api/definitions/industrial-project/versions/1/publish')
      .set(auth(keys.bureau))
      .expect(409);
    await expect(
      t.app
        .get(EntityManager)
        .getConnection()
        .execute(
          `update definition_versions set body = '{}' where key = 'industrial-project' and version = 1`,
        ),
    ).rejects.toThrow(/immutable/);
  });

  it('lists every version with its status and who published it when', async () => {
    await t.http
      .post('/api/definitions/industrial-project/versions')
      .set(auth(keys.bureau))
      .send(revised())
      .expect(201);
    const list = await t.http.get('/api/definitions').set(auth(keys.bureau)).expect(200);
    const versions = list.body[0].versions.map((v: { version: number; status: string }) => [
      v.version,
      v.status,
    ]);
    expect(versions).toEqual([
      [1, 'published'],
      [2, 'published'],
      [3, 'draft'],
    ]);
    const forEnterprise = await t.http.get('/api/definitions').set(auth(keys.enterprise)).expect(200);
    expect(forEnterprise.body[0].versions).toHaveLength(2);
  });

  it('refuses non-bureau writers, unknown versions and bad path parameters', async () => {
    for (const key of [keys.enterprise, keys.service, keys.expert, keys.auditor]) {
      await t.http
        .post('/api/definitions/industrial-project/versions')
        .set(auth(key))
        .send(shipped)
        .expect(403);
      await t.http.post('/api/definitions/validate').set(auth(key)).send(shipped).expect(403);
    }
    await t.http.post('/api/definitions/industrial-project/versions').send(shipped).expect(401);
    await t.http
      .post('/api/definitions/industrial-project/versions/99/publish')
      .set(auth(keys.bureau))
      .expect(404);
    await t.http.get('/api/definitions/industrial-project/versions/99').set(auth(keys.bureau)).expect(404);
    await t.http.get('/api/definitions/industrial-project/versions/0').set(auth(keys.bureau)).expect(422);
    await t.http.get('/api/definitions/Bad_Key/versions/1').set(auth(keys.bureau)).expect(422);
    const mismatch = await t.http
      .post('/api/definitions/other-key/versions')
      .set(auth(keys.bureau))
      .send(shipped)
      .expect(422);
    expect(mismatch.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/key' })]));
  });

  describe('bad definitions are 422 with the problems, nothing stored, the process stays up', () => {
    const meta = { label: { zh: '状态', en: 'State' } };
    const nest = (depth: number): Record<string, unknown> => {
      let state: Record<string, unknown> = { meta, type: 'final' };
      for (let i = 0; i < depth; i += 1) state = { meta, initial: 's', states: { s: state } };
      return state;
    };
    // A string prefix of the path some problem must have, or a pattern its path and message must match.
    type Expected = string | { path: string; message: RegExp };
    const cases: Array<[string, string, Expected]> = [
      ['not JSON', '{"key": "industrial-project", ', ''],
      ['an array', '[1, 2, 3]', ''],
      [
        'a 1 MB definition',
        JSON.stringify({ ...shipped, description: { zh: 'x'.repeat(1024 * 1024), en: 'x' } }),
        '',
      ],
      [
        '200-level nesting',
        JSON.stringify({ ...shipped, machine: { id: 'deep', initial: 's', states: { s: nest(200) } } }),
        '/machine',
      ],
      [
        'a state named __proto__',
        // Written as text: an object literal's __proto__ would set a prototype, not name a state.
        JSON.stringify({
          ...shipped,
          machine: {
            id: 'p',
            initial: 'a',
            states: {
              a: { meta, on: { TERMINATE: { target: 'done' } } },
              done: { meta, type: 'final' },
              proto: { meta, type: 'final' },
            },
          },
        }).replace('"proto":{', '"__proto__":{'),
        { path: '/machine/states/__proto__', message: /invalid name|reserved name/ },
      ],
      [
        'targets that loop through #ids',
        JSON.stringify({
          ...shipped,
          machine: {
            id: 'loop',
            initial: 'ping',
            states: {
              ping: { id: 'ping', meta, on: { COACHING: { target: '#pong' } } },
              pong: { id: 'pong', meta, on: { COACHING: { target: '#ping' } } },
              done: { meta, type: 'final' },
            },
          },
        }),
        { path: '/machine/states/ping', message: /no final state can be reached/ },
      ],
      [
        'unknown XState keys',
        JSON.stringify({ ...shipped, machine: { ...(shipped.machine as object), invoke: { src: 'x' } } }),
        { path: '/machine/invoke', message: /unknown property/ },
      ],
      [
        'a guard with params of the wrong type',
        JSON.stringify(shipped).replace(/"field":"verdict"/, '"field":42'),
        '/machine',
      ],
    ];

    const matches = (expected: Expected, problem: { path: string; message: string }) =>
      typeof expected === 'string'
        ? problem.path.startsWith(expected)
        : problem.path === expected.path && expected.message.test(problem.message);
    const explain = (expected: Expected) =>
      typeof expected === 'string' ? `a path under "${expected}"` : `${expected.path} ${expected.message}`;

    it.each(cases)('%s', async (_label, body, expected) => {
      const before = await versionCount();
      const res = await t.http
        .post('/api/definitions/industrial-project/versions')
        .set(auth(keys.bureau))
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.length).toBeGreaterThan(0);
      const problems = res.body.errors as { path: string; message: string }[];
      if (!problems.some((problem) => matches(expected, problem)))
        throw new Error(`no problem like ${explain(expected)} in ${JSON.stringify(problems)}`);
      expect(await versionCount()).toBe(before);
      await t.http.get('/api/health').expect(200);
    });
  });
});
