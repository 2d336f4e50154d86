import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/me', () => {
  let t: TestApp;
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers who the key belongs to, for every role', async () => {
    const bureau = await t.http.get('/api/me').set(bearer(t.adminKey)).expect(200);
    expect(bureau.body).toEqual({ id: expect.any(String), name: expect.any(String), role: 'bureau' });
    const key = await t.keyFor('enterprise', 'ent-bio', '示例生物 Example Bio');
    const enterprise = await t.http.get('/api/me').set(bearer(key)).expect(200);
    expect(enterprise.body).toMatchObject({
      name: '示例生物 Example Bio',
      role: 'enterprise',
      enterpriseId: 'ent-bio',
    });
    const auditor = await t.http
      .get('/api/me')
      .set(bearer(await t.keyFor('auditor')))
      .expect(200);
    expect(auditor.body.role).toBe('auditor');
  });

  it('refuses a missing, wrong or revoked key with 401 problem+json', async () => {
    const missing = await t.http.get('/api/me').expect(401);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http.get('/api/me').set(bearer('wp_not-a-real-key')).expect(401);
    const key = await t.keyFor('service', undefined, 'to revoke');
    const me = await t.http.get('/api/me').set(bearer(key)).expect(200);
    await t.http.post(`/api/principals/${me.body.id}/revoke`).set(bearer(t.adminKey)).expect(200);
    const revoked = await t.http.get('/api/me').set(bearer(key)).expect(401);
    expect(revoked.body).toMatchObject({ status: 401, detail: expect.stringMatching(/revoked/) });
  });
});
