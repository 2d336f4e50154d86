import { RequestMethod } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { registeredRoutes } from '../support/routes';
import { startTestApp, type TestApp } from '../support/test-app';

interface WriteRoute {
  name: string;
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  isPublic: boolean;
  roles: string[];
}

const WRITE_METHODS: Partial<Record<RequestMethod, WriteRoute['method']>> = {
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};
const SOME_ID = '8b0e3c52-8f0b-4a8e-9c2e-1d1f4c6b7a90';

/** Every registered non-GET route with a concrete path (parameters filled in) and its declared roles. */
function writeRoutes(t: TestApp): WriteRoute[] {
  return registeredRoutes(t).flatMap((route) => {
    const method = WRITE_METHODS[route.method];
    if (!method) return [];
    const path = route.path.replace(/:[A-Za-z]+/g, SOME_ID);
    return [{ name: route.name, method, path, isPublic: route.isPublic, roles: route.roles ?? [] }];
  });
}

describe('auditors are read-only', () => {
  let t: TestApp;
  let auditor: string;
  beforeAll(async () => {
    t = await startTestApp();
    auditor = await t.keyFor('auditor');
  });
  afterAll(() => t.close());

  it('finds the write routes, including the audit ones', () => {
    const names = writeRoutes(t).map((route) => route.name);
    expect(names).toEqual(
      expect.arrayContaining(['AuditController.checkpoint', 'ProjectsController.sendEvent']),
    );
  });

  it('no write route declares the auditor role or is public', () => {
    const open = writeRoutes(t).filter((route) => route.isPublic || route.roles.includes('auditor'));
    expect(open).toEqual([]);
  });

  it('every write route answers 403 to an auditor key', async () => {
    const answers: string[] = [];
    for (const route of writeRoutes(t)) {
      const res = await t.http[route.method](route.path).set('Authorization', `Bearer ${auditor}`).send({});
      answers.push(`${route.name} ${route.method.toUpperCase()} ${route.path} -> ${res.status}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('-> 403'))).toEqual([]);
    expect(answers.length).toBeGreaterThan(3);
  });
});

describe('append-only tables refuse changes through the service connection', () => {
  let refusedBefore = 0;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const created = await t.http
      .post('/api/projects')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({
        definition: 'industrial-project',
        title: 'append-only',
        enterpriseId: 'ent-a',
        data: { plannedCompletion: '2017-12-31', plannedInvestment: 120000000, industry: 'biomedicine' },
      });
    expect(created.status).toBe(201);
    await t.http.post('/api/audit/checkpoints').set('Authorization', `Bearer ${t.adminKey}`).expect(201);
    // A refused attempt, so security_entries has a row for the row-level trigger to refuse.
    const enterprise = await t.keyFor('enterprise', 'ent-a');
    await t.http
      .post(`/api/projects/${(created.body as { id: string }).id}/events`)
      .set('Authorization', `Bearer ${enterprise}`)
      .send({ type: 'APPROVE', payload: { approvalNo: 'x' } })
      .expect(403);
    const connection = t.app.get(EntityManager).getConnection();
    // Security entries are written after the answer; wait until they have all landed.
    let previous = -1;
    for (let i = 0; i < 100; i++) {
      const [row] = await connection.execute<{ n: number }[]>(
        'select count(*)::int as n from security_entries',
      );
      if (row.n > 0 && row.n === previous) break;
      previous = row.n;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    refusedBefore = previous;
  });
  afterAll(() => t.close());

  const statements = (table: string, column: string) => [
    `update ${table} set ${column} = ${column}`,
    `delete from ${table}`,
    `truncate ${table}`,
  ];
  const cases = [
    ...statements('events', 'type'),
    ...statements('audit_entries', 'hash'),
    ...statements('checkpoints', 'root'),
    ...statements('checkpoint_heads', 'hash'),
    ...statements('security_entries', 'reason'),
  ];

  it.each(cases)('%s fails', async (sql) => {
    const connection = t.app.get(EntityManager).getConnection();
    // checkpoints is also protected from TRUNCATE by checkpoint_heads' foreign key, which fires first.
    await expect(connection.execute(sql)).rejects.toThrow(/append-only|referenced in a foreign key/);
  });

  it('the rows are all still there', async () => {
    const connection = t.app.get(EntityManager).getConnection();
    const [row] = await connection.execute<
      { events: number; entries: number; heads: number; refused: number }[]
    >(
      `select (select count(*)::int from events) as events, (select count(*)::int from audit_entries) as entries,
              (select count(*)::int from checkpoint_heads) as heads,
              (select count(*)::int from security_entries) as refused`,
    );
    expect(row).toEqual({ events: 1, entries: 1, heads: 1, refused: refusedBefore });
    expect(refusedBefore).toBeGreaterThan(0);
  });
});
