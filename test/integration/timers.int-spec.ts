import { CommandBus } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ManualClock } from '../../src/common/clock';
import { FireDueTimersCommand } from '../../src/timers/commands/fire-due-timers/fire-due-timers.command';
import { textArrayLiteral } from '../../src/database/pg-array';
import { auth, drive, HAPPY_PATH, makeKeys, sendEvent, type Keys } from '../support/projects';
import { OVERDUE_EVENT } from '../support/construction-seed';
import { startTestApp, type TestApp } from '../support/test-app';

const DAY = 86_400_000;

describe('durable deadlines', () => {
  const clock = new ManualClock(new Date('2020-01-01T02:00:00.000Z'));
  let t: TestApp;
  let keys: Keys;
  const sql = <T>(text: string, params: unknown[] = []) =>
    t.app.get(EntityManager).getConnection().execute<T[]>(text, params);
  const fire = (batchSize = 100) => t.app.get(CommandBus).execute(new FireDueTimersCommand(batchSize));
  /** Fires until nothing is due, `batchSize` timers per transaction. */
  const fireAll = async (batchSize: number) => {
    for (;;) {
      const report = await fire(batchSize);
      if (report.fired + report.voided + report.retried === 0) return;
    }
  };
  type Summary = { id: string; overdue: boolean; daysOverdue?: number };
  const riskList = async (): Promise<Summary[]> =>
    (await t.http.get('/api/projects?overdue=true&limit=100').set(auth(keys.bureau)).expect(200)).body.items;
  const overdueCount = async (): Promise<number> =>
    (await t.http.get('/api/stats').set(auth(keys.bureau)).expect(200)).body.totals.overdue;
  const project = async (id: string) =>
    (await t.http.get(`/api/projects/${id}`).set(auth(keys.bureau)).expect(200)).body;

  async function inConstruction(plannedCompletion: string): Promise<string> {
    const created = await t.http
      .post('/api/projects')
      .set(auth(keys.enterprise))
      .send({
        definition: 'industrial-project',
        title: `deadline ${plannedCompletion}`,
        data: { plannedCompletion, plannedInvestment: 1e7, industry: 'other' },
      })
      .expect(201);
    await sendEvent(t, keys.enterprise, created.body.id, 'SUBMIT').expect(200);
    await sendEvent(t, keys.bureau, created.body.id, 'APPROVE').expect(200);
    return created.body.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    keys = await makeKeys(t);
  });
  afterAll(() => t.close());

  it('arms deadlines with the event that enters construction, derived from the project data', async () => {
    const id = await inConstruction('2021-06-30');
    const timers = await sql<{ timer_key: string; status: string; due_at: Date; armed_version: number }>(
      'select timer_key, status, due_at, armed_version from timers where project_id = ? order by timer_key',
      [id],
    );
    expect(timers.map((x) => [x.timer_key.split('#')[1], x.status, x.armed_version])).toEqual([
      ['overdue', 'armed', 3],
      ['reportReminder', 'armed', 3],
    ]);
    const { deadlines } = await project(id);
    const overdue = deadlines.find((d: { delay: string }) => d.delay === 'overdue');
    // Planned completion + one year, on the Beijing calendar.
    expect(overdue.dueAt).toBe('2022-06-29T16:00:00.000Z');
    expect(overdue.derivation).toMatchObject({
      baseDate: expect.stringContaining('2021-06-30'),
      offset: 'P1Y',
      pausedMs: 0,
    });
  });

  it('fires nothing early, then each deadline once as the clock passes it', async () => {
    const id = await inConstruction('2021-06-30');
    clock.set('2020-03-01T00:00:00.000Z');
    await fire();
    expect((await project(id)).flags).toEqual([]);
    clock.set('2022-07-02T00:00:00.000Z');
    const report = await fire();
    expect(report.fired).toBeGreaterThanOrEqual(2);
    const after = await project(id);
    expect(after.flags).toEqual(expect.arrayContaining(['overdue', 'reportReminder']));
    expect(after.overdue).toBe(true);
    expect(after.overdueSince).toBe('2022-06-29T16:00:00.000Z');
    expect(after.daysOverdue).toBe(2);
    const events = await sql<{ type: string; actor_role: string; occurred_at: Date }>(
      `select type, actor_role, occurred_at from events where project_id = ? and actor_role = 'system' order by version`,
      [id],
    );
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining([OVERDUE_EVENT]));
    expect(events.every((e) => e.actor_role === 'system')).toBe(true);
    expect((await fire()).fired).toBe(0);
    const risk = await t.http.get('/api/projects?overdue=true').set(auth(keys.bureau)).expect(200);
    expect(risk.body.items.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('a suspension stops the construction clock and resumption extends the deadline by the pause', async () => {
    clock.set('2020-01-01T00:00:00.000Z');
    const id = await inConstruction('2021-06-30');
    clock.set('2020-02-01T00:00:00.000Z');
    await sendEvent(t, keys.enterprise, id, 'SUSPEND').expect(200);
    expect((await project(id)).deadlines).toEqual([]);
    expect(await sql(`select 1 from timers where project_id = ? and status = 'armed'`, [id])).toEqual([]);
    clock.set('2020-04-01T00:00:00.000Z');
    await sendEvent(t, keys.enterprise, id, 'RESUME').expect(200);
    const overdue = (await project(id)).deadlines.find((d: { delay: string }) => d.delay === 'overdue');
    expect(overdue.derivation.pausedMs).toBe(60 * DAY);
    expect(Date.parse(overdue.dueAt) - Date.parse('2022-06-29T16:00:00.000Z')).toBe(60 * DAY);
  });

  it('an approved change moves the deadline and re-arms the timer; leaving construction cancels it', async () => {
    clock.set('2020-01-01T00:00:00.000Z');
    const id = await inConstruction('2021-06-30');
    await sendEvent(t, keys.enterprise, id, 'REQUEST_CHANGE', {
      newCompletionDate: '2023-06-30',
      reasons: ['疫情 epidemic'],
    }).expect(200);
    await sendEvent(t, keys.bureau, id, 'APPROVE_CHANGE').expect(200);
    const overdue = (await project(id)).deadlines.find((d: { delay: string }) => d.delay === 'overdue');
    expect(overdue.dueAt).toBe('2024-06-29T16:00:00.000Z');
    expect(overdue.derivation.changes).toHaveLength(1);
    const armed = await sql<{ due_at: Date }>(
      `select due_at from timers where project_id = ? and status = 'armed' and timer_key like '%#overdue'`,
      [id],
    );
    expect(armed.map((x) => new Date(x.due_at).toISOString())).toEqual(['2024-06-29T16:00:00.000Z']);
    await sendEvent(t, keys.enterprise, id, 'APPLY_ACCEPTANCE').expect(200);
    expect(await sql(`select 1 from timers where project_id = ? and status = 'armed'`, [id])).toEqual([]);
    expect((await project(id)).deadlines).toEqual([]);
  });

  it('late timers fire in due order, oldest first, across batches', async () => {
    clock.set('2020-01-01T00:00:00.000Z');
    // Created in an order that is neither the due order nor (most likely) the order of their ids.
    const planned = ['2021-03-31', '2019-01-31', '2020-06-30', '2019-09-30', '2020-01-31'];
    const ids: string[] = [];
    for (const date of planned) ids.push(await inConstruction(date));
    clock.set('2024-01-01T00:00:00.000Z');
    await fireAll(3);
    const fired = await sql<{ project_id: string; type: string; due: string }>(
      `select project_id, type, payload->>'dueAt' as due from events
       where project_id = any(?::uuid[]) and actor_role = 'system' order by recorded_at`,
      [textArrayLiteral(ids)],
    );
    expect(fired).toHaveLength(2 * ids.length);
    const dues = fired.map((e) => e.due);
    expect(dues).toEqual([...dues].sort());
    const overdueOrder = fired.filter((e) => e.type === OVERDUE_EVENT).map((e) => e.project_id);
    expect(overdueOrder).toEqual([1, 3, 4, 2, 0].map((i) => ids[i]));
  });

  it('the risk list is sorted by days overdue, longest first, with the days, and counted in /api/stats', async () => {
    clock.set('2020-01-01T00:00:00.000Z');
    const [longest, middle, shortest] = [
      await inConstruction('2019-03-31'),
      await inConstruction('2019-09-30'),
      await inConstruction('2019-06-30'),
    ];
    clock.set('2021-01-01T00:00:00.000Z');
    await fireAll(100);
    const list = await riskList();
    const mine = list.filter((p) => [longest, middle, shortest].includes(p.id));
    // Deadlines: planned completion + one year, at midnight in Beijing.
    expect(mine.map((p) => [p.id, p.daysOverdue])).toEqual([
      [longest, 276],
      [shortest, 185],
      [middle, 93],
    ]);
    expect(list.every((p) => p.overdue && typeof p.daysOverdue === 'number')).toBe(true);
    const days = list.map((p) => p.daysOverdue ?? -1);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(await overdueCount()).toBe(list.length);
    expect(list.length).toBeGreaterThanOrEqual(3);
  });

  it('a finished project is not at risk: accepted or terminated, it leaves the risk list and the count', async () => {
    clock.set('2020-01-01T00:00:00.000Z');
    const accepted = await inConstruction('2018-06-30');
    const terminated = await inConstruction('2018-07-31');
    clock.set('2021-01-01T00:00:00.000Z');
    await fireAll(100);
    const before = await overdueCount();
    expect((await riskList()).map((p) => p.id)).toEqual(expect.arrayContaining([accepted, terminated]));
    // Acceptance is not the end: a project applying late is still at risk until it passes.
    await drive(t, keys, accepted, HAPPY_PATH.slice(3, 5));
    expect((await project(accepted)).overdue).toBe(true);
    await drive(t, keys, accepted, HAPPY_PATH.slice(5));
    await sendEvent(t, keys.bureau, terminated, 'TERMINATE', { reason: '企业申请撤销 withdrawn' }).expect(
      200,
    );
    clock.set('2022-01-01T00:00:00.000Z');
    for (const id of [accepted, terminated]) {
      const done = await project(id);
      expect(done).toMatchObject({ status: 'done', overdue: false, flags: [], deadlines: [] });
      expect(done.daysOverdue).toBeUndefined();
      expect(done.context.flags.overdue).toBe(true);
    }
    const ids = (await riskList()).map((p) => p.id);
    expect(ids).not.toContain(accepted);
    expect(ids).not.toContain(terminated);
    expect(await overdueCount()).toBe(before - 2);
  });

  it('a bad timer row is voided and reported, and the rest still fire', async () => {
    clock.set('2020-01-01T00:00:00.000Z');
    const id = await inConstruction('2017-12-31');
    await sql(
      `insert into timers (project_id, timer_key, armed_version, event_type, due_at, derivation) values
       (?, 'bogus#nope', 1, 'xstate.after.nope.industrial-project.draft', '2019-01-01', '{}'),
       ('9d6b1b9a-0000-4000-8000-000000000000', 'orphan#overdue', 1, ?, '2019-01-01', '{}')`,
      [id, OVERDUE_EVENT],
    );
    const report = await fire();
    expect(report).toMatchObject({ voided: 2 });
    expect((await project(id)).overdue).toBe(true);
    const voided = await sql<{ timer_key: string; note: string }>(
      `select timer_key, note from timers where status = 'void' order by timer_key`,
    );
    expect(voided.map((v) => v.timer_key)).toEqual(expect.arrayContaining(['bogus#nope', 'orphan#overdue']));
    expect(voided.every((v) => v.note.length > 0)).toBe(true);
  });
});
