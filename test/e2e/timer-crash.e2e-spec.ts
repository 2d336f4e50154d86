import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { EntityManager } from '@mikro-orm/postgresql';
import { ManualClock } from '../../src/common/clock';
import { OVERDUE_EVENT, seedProjectsInConstruction } from '../support/construction-seed';
import { startTestApp, type TestApp } from '../support/test-app';

const PROJECTS = 400;

/** A real service process whose only job here is its timer worker. */
function worker(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      WAYPOST_DEMO: 'false',
      LOG_LEVEL: 'warn',
      WAYPOST_TIMER_BATCH: '10',
    },
    stdio: 'ignore',
  });
}

describe('a worker killed mid-batch', () => {
  let t: TestApp;
  const counts = async () => {
    const [row] = await t.app
      .get(EntityManager)
      .getConnection()
      .execute<{ events: number; fired: number; unmatched: number }[]>(
        `select (select count(*)::int from events where type = ?) as events,
                (select count(*)::int from timers where status = 'fired' and event_type = ?) as fired,
                (select count(*)::int from timers t where t.status = 'fired' and not exists (
                   select 1 from events e where e.project_id = t.project_id and e.version = t.settled_version and e.type = t.event_type)) as unmatched`,
        [OVERDUE_EVENT, OVERDUE_EVENT],
      );
    return row;
  };
  const until = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 1200 && !(await done()); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
  };

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent']);
    t = await startTestApp({}, new ManualClock(new Date('2020-01-01T00:00:00.000Z')));
    await seedProjectsInConstruction(t, PROJECTS);
  }, 180_000);
  afterAll(() => t.close());

  it('leaves nothing half-done, and the rest fire after a restart', async () => {
    const url = process.env.TEST_DATABASE_URL ?? '';
    const first = worker(url);
    await until(async () => (await counts()).fired > 0);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const afterKill = await counts();
    expect(afterKill.fired).toBeGreaterThan(0);
    expect(afterKill.fired).toBeLessThan(PROJECTS);
    expect(afterKill.events).toBe(afterKill.fired);
    expect(afterKill.unmatched).toBe(0);

    const second = worker(url);
    try {
      await until(async () => (await counts()).fired === PROJECTS);
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }
    expect(await counts()).toEqual({ events: PROJECTS, fired: PROJECTS, unmatched: 0 });
  }, 120_000);
});
