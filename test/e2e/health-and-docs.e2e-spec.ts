import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';

interface OpenApiOperation {
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

describe('health and API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports liveness and database readiness', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('answers 503 when its database goes away, and stays up', async () => {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = `waypost_health_down_${process.pid}_${Date.now().toString(36)}`;
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${name}`;
    // The pool reports the dropped connections on the console; that is expected here.
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await admin.query(`create database ${name}`);
      const doomed = await startTestApp({ databaseUrl: url.toString() });
      try {
        await doomed.http.get('/api/health').expect(200);
        await admin.query(`drop database ${name} with (force)`);
        const down = await doomed.http.get('/api/health').expect(503);
        expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(down.body).toMatchObject({ status: 503, detail: expect.stringMatching(/not reachable/) });
        expect(down.body.requestId).toBe(down.headers['x-request-id']);
        await doomed.http.get('/api/health').expect(503);
      } finally {
        await doomed.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      quiet.mockRestore();
    }
  }, 60_000);

  it('serves the OpenAPI UI and document', async () => {
    const ui = await t.http.get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
  });

  it('documents error answers as problem+json on every secured operation', async () => {
    const doc = await t.http.get('/api/docs-json');
    const paths = doc.body.paths as Record<string, Record<string, OpenApiOperation>>;
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(3);
    for (const { name, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect({ name, hasSuccess: statuses.some((s) => s.startsWith('2')) }).toEqual({
        name,
        hasSuccess: true,
      });
      if (op.security) {
        for (const status of ['401', '403']) {
          expect({ name, status, content: Object.keys(op.responses[status]?.content ?? {}) }).toEqual({
            name,
            status,
            content: ['application/problem+json'],
          });
        }
      }
    }
  });

  it('documents the body and its refusals (400 malformed, 413 too large, 422 invalid) where one is taken', async () => {
    const doc = await t.http.get('/api/docs-json');
    const paths = doc.body.paths as Record<string, Record<string, OpenApiOperation>>;
    const withBody = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.requestBody !== undefined)
        .map(([method, op]) => ({
          name: `${method.toUpperCase()} ${path}`,
          statuses: Object.keys(op.responses),
        })),
    );
    // Principals, validate, drafts (create and edit), projects and events.
    expect(withBody.length).toBeGreaterThanOrEqual(6);
    for (const { name, statuses } of withBody) {
      expect({ name, refusals: ['400', '413', '422'].filter((s) => statuses.includes(s)) }).toEqual({
        name,
        refusals: ['400', '413', '422'],
      });
    }
  });
});
