import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ManualClock } from '../../src/common/clock';
import { FireDueTimersCommand } from '../../src/timers/commands/fire-due-timers/fire-due-timers.command';
import { OVERDUE_EVENT, seedProjectsInConstruction } from '../support/construction-seed';
import { startTestApp, type TestApp } from '../support/test-app';

describe('exactly once across three instances', () => {
  const clock = new ManualClock(new Date('2020-01-01T00:00:00.000Z'));
  let instances: TestApp[];

  beforeAll(async () => {
    instances = [await startTestApp({}, clock), await startTestApp({}, clock), await startTestApp({}, clock)];
  });
  afterAll(() => Promise.all(instances.map((i) => i.close())));

  it('1,000 due timers: each fires exactly once and none is lost', async () => {
    const [a] = instances;
    await seedProjectsInConstruction(a, 1000);
    clock.set('2020-02-01T00:00:00.000Z');
    const drain = async (app: TestApp) => {
      let total = 0;
      for (;;) {
        const report = await app.app.get(CommandBus).execute(new FireDueTimersCommand(50));
        total += report.fired;
        if (report.fired + report.voided + report.retried === 0) return total;
      }
    };
    const fired = await Promise.all(instances.map(drain));
    expect(fired.reduce((x, y) => x + y, 0)).toBe(1000);
    expect(fired.filter((n) => n > 0).length).toBeGreaterThan(1);
    const sql = a.app.get(EntityManager).getConnection();
    const [counts] = await sql.execute<
      { events: number; projects: number; fired: number; armed: number; flagged: number }[]
    >(
      `select (select count(*)::int from events where type = ?) as events,
              (select count(distinct project_id)::int from events where type = ?) as projects,
              (select count(*)::int from timers where status = 'fired') as fired,
              (select count(*)::int from timers where status = 'armed' and due_at <= '2020-02-01') as armed,
              (select count(*)::int from projects where overdue) as flagged`,
      [OVERDUE_EVENT, OVERDUE_EVENT],
    );
    expect(counts).toEqual({ events: 1000, projects: 1000, fired: 1000, armed: 0, flagged: 1000 });
  }, 180_000);
});
