import { startTestApp, type TestApp } from '../support/test-app';

describe('revoking a key with several instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ adminKey: a.adminKey });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('a key revoked through one instance stops working on the other, which had it cached', async () => {
    const key = await a.keyFor('auditor');
    const asAuditor = (t: TestApp) => t.http.get('/api/projects').set('Authorization', `Bearer ${key}`);
    await asAuditor(b).expect(200);
    await asAuditor(b).expect(200);
    const list = await a.http.get('/api/principals').set('Authorization', `Bearer ${a.adminKey}`);
    const id = list.body.find((p: { role: string }) => p.role === 'auditor').id;
    await a.http
      .post(`/api/principals/${id}/revoke`)
      .set('Authorization', `Bearer ${a.adminKey}`)
      .expect(200);
    await asAuditor(a).expect(401);
    // The notification crosses instances in milliseconds; allow it a moment to arrive, no more.
    let status = 0;
    for (let i = 0; i < 40 && status !== 401; i += 1) {
      status = (await asAuditor(b)).status;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(status).toBe(401);
  });
});
