import { rowCount } from '../support/row-count';
import { startTestApp, type TestApp } from '../support/test-app';

describe('HTTP errors are RFC 9457 problem documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const storedPrincipals = () => rowCount(t, 'principals');

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      type: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
    });
    expect(res.body.detail).toEqual(expect.any(String));
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  };

  it('malformed JSON is 400, stores nothing and the process stays up', async () => {
    const before = await storedPrincipals();
    for (const body of ['{"name": ', '{"name": "x", "role": "service",}', '\u0000\u00ff']) {
      const res = await t.http
        .post('/api/principals')
        .set('Authorization', `Bearer ${t.adminKey}`)
        .set('Content-Type', 'application/json')
        .send(body);
      expectProblem(res, 400);
    }
    expect(await storedPrincipals()).toBe(before);
    await t.http.get('/api/health').expect(200);
  });

  it('a 2 MB body is 413 and the process stays up', async () => {
    const res = await t.http
      .post('/api/principals')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), role: 'service' }));
    expectProblem(res, 413);
    await t.http.get('/api/health').expect(200);
  });

  it('an unknown route is 404', async () => {
    expectProblem(await t.http.get('/api/no-such-thing'), 404);
  });

  it('a missing key is 401', async () => {
    expectProblem(await t.http.get('/api/principals'), 401);
  });

  it('a key with odd bytes is 401, not a crash', async () => {
    // Bytes above 0x7f are legal in a header but never in one of our keys.
    const odd = 'Bearer wp_\u00ff\u00fe\u00e9abcdefghijklmnop';
    expectProblem(await t.http.get('/api/principals').set('Authorization', odd), 401);
    expectProblem(await t.http.get('/api/principals').set('Authorization', 'Basic dXNlcjpwYXNz'), 401);
    expectProblem(
      await t.http.get('/api/principals').set('Authorization', `Bearer ${'k'.repeat(5000)}`),
      401,
    );
    const before = await storedPrincipals();
    const post = await t.http
      .post('/api/principals')
      .set('Authorization', odd)
      .send({ name: 'made with an odd key', role: 'service' });
    expectProblem(post, 401);
    expect(await storedPrincipals()).toBe(before);
    await t.http.get('/api/health').expect(200);
  });

  it('an unknown key is 401', async () => {
    expectProblem(
      await t.http.get('/api/principals').set('Authorization', 'Bearer wp_thisKeyWasNeverIssuedToAnyone'),
      401,
    );
  });

  it('a wrong role is 403', async () => {
    const auditor = await t.keyFor('auditor');
    expectProblem(await t.http.get('/api/principals').set('Authorization', `Bearer ${auditor}`), 403);
  });

  it('keeps a caller-supplied request id and echoes it', async () => {
    const res = await t.http.get('/api/health').set('X-Request-Id', 'trace-abc.123');
    expect(res.headers['x-request-id']).toBe('trace-abc.123');
    const unsafe = await t.http.get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
