import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ManualClock } from '../../src/common/clock';
import { CreateProjectCommand } from '../../src/projects/commands/create-project/create-project.command';
import { SendEventCommand } from '../../src/projects/commands/send-event/send-event.command';
import { FireDueTimersCommand } from '../../src/timers/commands/fire-due-timers/fire-due-timers.command';
import { startTestApp, type TestApp } from '../support/test-app';

const OVERDUE_EVENT = 'xstate.after.overdue.industrial-project.construction.active';

describe('exactly once across three instances', () => {
  const clock = new ManualClock(new Date('2020-01-01T00:00:00.000Z'));
  let instances: TestApp[];

  beforeAll(async () => {
    instances = [await startTestApp({}, clock), await startTestApp({}, clock), await startTestApp({}, clock)];
  });
  afterAll(() => Promise.all(instances.map((i) => i.close())));

  it('1,000 due timers: each fires exactly once and none is lost', async () => {
    const [a] = instances;
    const bus = a.app.get(CommandBus);
    const owner = { id: 'seed', name: 'seed', role: 'enterprise' as const, enterpriseId: 'ent-a' };
    const bureau = { id: 'bureau', name: 'bureau', role: 'bureau' as const };
    const data = { plannedCompletion: '2017-12-31', plannedInvestment: 1e7, industry: 'other' };
    for (let chunk = 0; chunk < 1000; chunk += 25) {
      await Promise.all(
        Array.from({ length: 25 }, async (_, i) => {
          const created = await bus.execute(
            new CreateProjectCommand(
              owner,
              'industrial-project',
              undefined,
              `p${chunk + i}`,
              data,
              'ent-a',
              undefined,
              null,
            ),
          );
          const id = (JSON.parse(created.body) as { id: string }).id;
          await bus.execute(
            new SendEventCommand(owner, id, 'SUBMIT', { applicant: 'a' }, undefined, undefined, null),
          );
          await bus.execute(
            new SendEventCommand(bureau, id, 'APPROVE', { approvalNo: 'n' }, undefined, undefined, null),
          );
        }),
      );
    }
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
