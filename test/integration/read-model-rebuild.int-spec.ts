import { CommandBus, EventBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { RebuildReadModelsCommand } from '../../src/projects/commands/rebuild-read-models/rebuild-read-models.command';
import { SendEventCommand } from '../../src/projects/commands/send-event/send-event.command';
import { EventAppended } from '../../src/projects/events/event-appended.event';
import { createProject, drive, HAPPY_PATH, makeKeys, sendEvent, type Keys } from '../support/projects';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the read model is a function of the events', () => {
  let t: TestApp;
  let keys: Keys;
  const rows = async () =>
    t.app
      .get(EntityManager)
      .getConnection()
      .execute(
        `select id, state_value, state_paths, status, context, overdue, overdue_since, flags, deadlines, version
         from projects order by id`,
      );

  beforeAll(async () => {
    t = await startTestApp();
    keys = await makeKeys(t);
    const a = await createProject(t, keys.enterprise, 'accepted');
    await drive(t, keys, a, HAPPY_PATH);
    const b = await createProject(t, keys.enterprise, 'suspended');
    await drive(t, keys, b, [
      ['enterprise', 'SUBMIT'],
      ['bureau', 'APPROVE'],
      ['enterprise', 'SUSPEND'],
      ['enterprise', 'RESUME'],
      ['enterprise', 'REQUEST_CHANGE'],
      ['bureau', 'APPROVE_CHANGE'],
      ['service', 'COACHING'],
    ]);
    const c = await createProject(t, keys.otherEnterprise, 'asking');
    await sendEvent(t, keys.otherEnterprise, c, 'ASK_QUESTION').expect(200);
  });
  afterAll(() => t.close());

  const counters = async () =>
    t.app
      .get(EntityManager)
      .getConnection()
      .execute(
        'select definition_key, definition_version, state_path, now_count, ever_count from state_counts order by 1, 2, 3',
      );

  it('the per-state counters kept by the append statement equal a recount from the events', async () => {
    const kept = await counters();
    expect(kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ state_path: 'accepted', now_count: 1, ever_count: 1 }),
        expect.objectContaining({ state_path: 'construction.suspended', now_count: 0, ever_count: 1 }),
        expect.objectContaining({ state_path: 'draft', now_count: 1, ever_count: 3 }),
      ]),
    );
    await t.app.get(EntityManager).getConnection().execute('update state_counts set now_count = 99');
    await t.app.get(CommandBus).execute(new RebuildReadModelsCommand());
    expect(await counters()).toEqual(kept);
  });

  it('a rebuild reproduces exactly what the write path stored', async () => {
    const stored = await rows();
    await t.app
      .get(EntityManager)
      .getConnection()
      .execute(`update projects set context = '{}', state_value = '"draft"', deadlines = '[]', flags = '{}'`);
    const progress: number[] = [];
    const report = await t.app
      .get(CommandBus)
      .execute(new RebuildReadModelsCommand((done) => progress.push(done), 2));
    expect(report).toMatchObject({ projects: 3, rebuilt: 3, failed: [] });
    expect(report.differed).toHaveLength(3);
    expect(progress).toEqual([2, 3]);
    expect(await rows()).toEqual(stored);
  });

  it('a rebuild of an intact read model changes nothing', async () => {
    const stored = await rows();
    const report = await t.app.get(CommandBus).execute(new RebuildReadModelsCommand());
    expect(report.differed).toEqual([]);
    expect(await rows()).toEqual(stored);
  });

  it('publishes EventAppended only after the event has committed', async () => {
    const id = await createProject(t, keys.enterprise, 'published after commit');
    const seen: Array<{ version: number; committed: number }> = [];
    const em = t.app.get(EntityManager);
    const subscription = t.app.get(EventBus).subscribe((event) => {
      if (!(event instanceof EventAppended) || event.projectId !== id) return;
      // A separate connection sees only committed rows.
      void em
        .fork()
        .getConnection()
        .execute<{ n: number }[]>(
          'select count(*)::int as n from events where project_id = ? and version = ?',
          [id, event.version],
        )
        .then(([row]) => seen.push({ version: event.version, committed: row.n }));
    });
    const principal = {
      id: 'enterprise-principal',
      name: 'e',
      role: 'enterprise' as const,
      enterpriseId: 'ent-a',
    };
    await t.app
      .get(CommandBus)
      .execute(new SendEventCommand(principal, id, 'SUBMIT', { applicant: 'x' }, undefined, undefined, null));
    await new Promise((resolve) => setTimeout(resolve, 100));
    subscription.unsubscribe();
    expect(seen).toEqual([{ version: 2, committed: 1 }]);
  });
});
