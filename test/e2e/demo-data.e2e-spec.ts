import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { WORKFLOWS_DIR } from '../../src/definitions/load-workflows-on-start';
import { DemoSeeder } from '../../src/demo/demo-seeder';
import { startTestApp, type TestApp } from '../support/test-app';

function shippedStates(): Record<string, unknown> {
  const text = readFileSync(join(WORKFLOWS_DIR, 'industrial-project.json'), 'utf8');
  return (JSON.parse(text) as { machine: { states: Record<string, unknown> } }).machine.states;
}

describe('demo data', () => {
  let t: TestApp;
  const parent = mkdtempSync(join(tmpdir(), 'waypost-demo-'));
  // Not there yet, as with DATABASE_URL, where nothing else creates DATA_DIR.
  const dataDir = join(parent, 'data');

  beforeAll(async () => {
    t = await startTestApp({ demo: true, dataDir });
  });
  afterAll(async () => {
    await t.close();
    rmSync(parent, { recursive: true, force: true });
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
    const items = list.body.items as { statePaths: string[]; status: string }[];
    // Every top-level stage of the shipped lifecycle, the three endings (通过验收, 立项被驳回, 撤销) included.
    const stages = new Set(items.map((p) => p.statePaths[0]));
    expect(stages).toEqual(new Set(Object.keys(shippedStates())));
    expect(stages).toEqual(
      new Set(['draft', 'submitted', 'rejected', 'construction', 'acceptance', 'accepted', 'terminated']),
    );
    const ended = items.filter((p) => ['rejected', 'accepted', 'terminated'].includes(p.statePaths[0]));
    expect(ended.every((p) => p.status === 'done')).toBe(true);
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
