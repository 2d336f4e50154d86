import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { DemoSeeder } from '../../src/demo/demo-seeder';
import { startTestApp, type TestApp } from '../support/test-app';

describe('demo data', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'waypost-demo-'));

  beforeAll(async () => {
    t = await startTestApp({ demo: true, dataDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds enterprises and projects in every stage through the command path, with a key per role', async () => {
    const keys = await t.app.get(DemoSeeder).seedIfEmpty();
    expect(new Set(keys.map((k) => k.role))).toEqual(
      new Set(['bureau', 'service', 'expert', 'auditor', 'enterprise']),
    );
    const bureau = keys.find((k) => k.role === 'bureau')?.key ?? '';
    const list = await t.http
      .get('/api/projects?limit=100')
      .set('Authorization', `Bearer ${bureau}`)
      .expect(200);
    const stages = new Set(list.body.items.map((p: { statePaths: string[] }) => p.statePaths[0]));
    expect(stages).toEqual(
      new Set(['submitted', 'draft', 'construction', 'acceptance', 'accepted', 'terminated']),
    );
    const events = await t.app
      .get(EntityManager)
      .getConnection()
      .execute<{ n: number; audited: number }[]>(
        'select count(*)::int as n, (select count(*)::int from audit_entries) as audited from events',
      );
    expect(events[0].n).toBeGreaterThan(40);
    expect(events[0].audited).toBe(events[0].n);
  });

  it('does nothing on a database that already has projects, and answers the same keys', async () => {
    const before = await t.app
      .get(EntityManager)
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from events');
    const first = await t.app.get(DemoSeeder).seedIfEmpty();
    const again = await t.app.get(DemoSeeder).seedIfEmpty();
    expect(again).toEqual(first);
    const after = await t.app
      .get(EntityManager)
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from events');
    expect(after[0].n).toBe(before[0].n);
    const enterprise = first.find((k) => k.role === 'enterprise')?.key ?? '';
    const mine = await t.http.get('/api/projects').set('Authorization', `Bearer ${enterprise}`).expect(200);
    expect(new Set(mine.body.items.map((p: { enterpriseId: string }) => p.enterpriseId)).size).toBe(1);
  });
});
