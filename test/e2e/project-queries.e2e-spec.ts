import { startTestApp, type TestApp } from '../support/test-app';
import {
  auth,
  createProject,
  drive,
  makeKeys,
  PROJECT_DATA,
  sendEvent,
  type Keys,
} from '../support/projects';

describe('project queries and enterprise scoping', () => {
  let t: TestApp;
  let keys: Keys;
  let mine: string;
  let theirs: string;

  beforeAll(async () => {
    t = await startTestApp();
    keys = await makeKeys(t);
    mine = await createProject(t, keys.enterprise, '益善生物 平台建设 biomedicine platform');
    theirs = await createProject(t, keys.otherEnterprise, '明珞装备 产线 equipment line');
    await drive(t, keys, mine, [
      ['enterprise', 'SUBMIT'],
      ['bureau', 'APPROVE'],
    ]);
  });
  afterAll(() => t.close());

  describe('scoping: another enterprise’s project does not exist for you', () => {
    /** Every read of one project an enterprise may make. */
    const endpoints = (id: string) => [
      `/api/projects/${id}`,
      `/api/projects/${id}/events`,
      `/api/projects/${id}/available-events`,
      `/api/projects/${id}/diagram.svg`,
      `/api/projects/${id}/history`,
      `/api/projects/${id}/history.json`,
      `/api/projects/${id}/history.csv`,
    ];

    it('every project endpoint is 404 for the other enterprise and works for the owner, both ways', async () => {
      const pairs: Array<[string, string, string]> = [
        [keys.enterprise, mine, theirs],
        [keys.otherEnterprise, theirs, mine],
      ];
      for (const [key, own, other] of pairs) {
        for (const url of endpoints(other)) {
          const res = await t.http.get(url).set(auth(key));
          expect({ url, status: res.status, type: res.headers['content-type'] }).toEqual({
            url,
            status: 404,
            type: expect.stringMatching(/^application\/problem\+json/),
          });
        }
        for (const url of endpoints(own)) {
          const res = await t.http.get(url).set(auth(key));
          expect({ url, status: res.status }).toEqual({ url, status: 200 });
        }
        // Replay is for auditors and the bureau (DESIGN.md): an enterprise is refused by its role, 403
        // for its own project and another's alike, so the answer tells nothing about whose a project is.
        for (const id of [own, other]) {
          const res = await t.http.get(`/api/projects/${id}/replay?to=1`).set(auth(key));
          expect({ id, status: res.status }).toEqual({ id, status: 403 });
        }
        const before = await t.http.get(`/api/projects/${other}/events`).set(auth(keys.auditor)).expect(200);
        const sent = await sendEvent(t, key, other, 'ASK_QUESTION');
        expect(sent.status).toBe(404);
        const after = await t.http.get(`/api/projects/${other}/events`).set(auth(keys.auditor)).expect(200);
        expect(after.body).toHaveLength(before.body.length);
      }
      for (const id of [mine, theirs])
        await t.http.get(`/api/projects/${id}/replay?to=1`).set(auth(keys.auditor)).expect(200);
    });

    it('the list never leaks, whatever the filters', async () => {
      for (const query of ['', '?enterprise=ent-b', '?q=明珞', '?state=draft', '?limit=100']) {
        const res = await t.http.get(`/api/projects${query}`).set(auth(keys.enterprise)).expect(200);
        expect(res.body.items.every((p: { enterpriseId: string }) => p.enterpriseId === 'ent-a')).toBe(true);
      }
    });

    it('staff roles see every enterprise', async () => {
      for (const key of [keys.bureau, keys.service, keys.expert, keys.auditor]) {
        const res = await t.http.get('/api/projects').set(auth(key)).expect(200);
        expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(
          expect.arrayContaining([mine, theirs]),
        );
      }
    });
  });

  describe('detail', () => {
    it('carries the version as ETag, the state, context and flags', async () => {
      const res = await t.http.get(`/api/projects/${mine}`).set(auth(keys.bureau)).expect(200);
      expect(res.headers.etag).toBe('"3"');
      expect(res.body).toMatchObject({
        id: mine,
        state: { construction: 'active' },
        statePaths: ['construction', 'construction.active'],
        version: 3,
      });
      expect(res.body.deadlines.map((d: { delay: string }) => d.delay).sort()).toEqual([
        'overdue',
        'reportReminder',
      ]);
      expect(res.body.deadlines[0].derivation).toEqual(expect.objectContaining({ rule: expect.any(String) }));
    });
  });

  describe('list filters and paging', () => {
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);

    it('filters by state (a parent matches its children), enterprise, definition and title text', async () => {
      const list = (q: string) => t.http.get(`/api/projects?${q}`).set(auth(keys.bureau)).expect(200);
      expect(ids(await list('state=construction'))).toEqual([mine]);
      expect(ids(await list('state=construction.active'))).toEqual([mine]);
      expect(ids(await list('state=draft'))).toEqual([theirs]);
      expect(ids(await list('enterprise=ent-b'))).toEqual([theirs]);
      expect(ids(await list('definition=industrial-project@1')).sort()).toEqual([mine, theirs].sort());
      expect(ids(await list('definition=industrial-project@2'))).toEqual([]);
      expect(ids(await list(`q=${encodeURIComponent('益善')}`))).toEqual([mine]);
      expect(ids(await list(`q=${encodeURIComponent('100%_')}`))).toEqual([]);
      expect(ids(await list('overdue=false')).sort()).toEqual([mine, theirs].sort());
    });

    it('pages with a cursor until the end, newest first, without repeats', async () => {
      const created = [];
      for (let i = 0; i < 5; i += 1) created.push(await createProject(t, keys.enterprise, `分页 page ${i}`));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await t.http
          .get(`/api/projects?enterprise=ent-a&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(auth(keys.bureau))
          .expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...ids(res));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);
      expect(seen.slice(0, 5)).toEqual([...created].reverse());
    });

    it.each([
      ['limit=0', '/limit'],
      ['limit=101', '/limit'],
      ['limit=ten', '/limit'],
      ['overdue=maybe', '/overdue'],
      ['state=a;drop', '/state'],
      ['definition=Bad Key', '/definition'],
      ['cursor=garbage', '/cursor'],
      ['sort=title', '/sort'],
    ])('refuses %s with 422 naming %s', async (query, path) => {
      const res = await t.http.get(`/api/projects?${query}`).set(auth(keys.bureau)).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('pages 20 at a time when no limit is given', async () => {
      for (let i = 0; i < 21; i += 1) {
        await t.http
          .post('/api/projects')
          .set(auth(keys.bureau))
          .send({
            definition: 'industrial-project',
            title: `默认分页 ${i}`,
            enterpriseId: 'ent-c',
            data: PROJECT_DATA,
          })
          .expect(201);
      }
      const first = await t.http.get('/api/projects?enterprise=ent-c').set(auth(keys.bureau)).expect(200);
      expect(first.body.items).toHaveLength(20);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const rest = await t.http
        .get(`/api/projects?enterprise=ent-c&cursor=${encodeURIComponent(first.body.nextCursor)}`)
        .set(auth(keys.bureau))
        .expect(200);
      expect(rest.body.items).toHaveLength(1);
      expect(rest.body.nextCursor ?? null).toBeNull();
      const unfiltered = await t.http.get('/api/projects').set(auth(keys.bureau)).expect(200);
      expect(unfiltered.body.items).toHaveLength(20);
    });

    it('needs a key', async () => {
      await t.http.get('/api/projects').expect(401);
      await t.http.get(`/api/projects/${mine}`).expect(401);
    });
  });
});
