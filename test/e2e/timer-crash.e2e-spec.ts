import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ManualClock } from '../../src/common/clock';
import { CreateProjectCommand } from '../../src/projects/commands/create-project/create-project.command';
import { SendEventCommand } from '../../src/projects/commands/send-event/send-event.command';
import { startTestApp, type TestApp } from '../support/test-app';

const OVERDUE_EVENT = 'xstate.after.overdue.industrial-project.construction.active';
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
    const bus = t.app.get(CommandBus);
    const owner = { id: 'seed', name: 'seed', role: 'enterprise' as const, enterpriseId: 'ent-a' };
    const bureau = { id: 'bureau', name: 'bureau', role: 'bureau' as const };
    const data = { plannedCompletion: '2017-12-31', plannedInvestment: 1e7, industry: 'other' };
    for (let chunk = 0; chunk < PROJECTS; chunk += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const created = await bus.execute(
            new CreateProjectCommand(
              owner,
              'industrial-project',
              undefined,
              `k${chunk + i}`,
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
