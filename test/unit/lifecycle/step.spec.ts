import { availableEvents, initialize, replay, step, type JsonObject } from '../../../src/lifecycle';
import {
  Driver,
  OVERDUE_ACTIVE,
  OVERDUE_KEY,
  REMINDER_ACTIVE,
  REMINDER_KEY,
  bureau,
  enterprise,
  loadShipped,
  projectData,
  service,
  system,
} from './fixtures';

const definition = loadShipped();
const flagsOf = (context: JsonObject) => context.flags as JsonObject;

function underConstruction(): Driver {
  const driver = new Driver(definition);
  driver.ok('SUBMIT', '2015-03-02T09:00:00+08:00');
  driver.ok('APPROVE', '2015-04-01T09:00:00+08:00');
  return driver;
}

describe('initialize', () => {
  it('starts in draft with the data in context and the planned completion copied', () => {
    const result = initialize(definition, projectData, enterprise, '2015-03-01T09:00:00+08:00');
    expect(result.ok && result.value).toBe('draft');
    expect(result.ok && result.context.plannedCompletion).toBe('2017-12-31');
    expect(result.ok && result.context.data).toEqual(projectData);
    expect(result.ok && result.effects).toEqual({ arm: [], cancel: [] });
  });

  it.each([
    [{ ...projectData, plannedCompletion: '1989-12-31' }, '/data/plannedCompletion'],
    [{ ...projectData, plannedCompletion: '2101-01-01' }, '/data/plannedCompletion'],
    [{ ...projectData, plannedCompletion: '2017-02-30' }, '/data/plannedCompletion'],
    [{ ...projectData, plannedInvestment: 0 }, '/data/plannedInvestment'],
    [{ ...projectData, industry: 'tobacco' }, '/data/industry'],
    [{ ...projectData, surprise: 1 }, '/data/surprise'],
    [{ plannedInvestment: 1, industry: 'other' }, '/data/plannedCompletion'],
  ])('refuses bad creation data %# with a /data path', (data, path) => {
    const result = initialize(definition, data, enterprise, '2015-03-01T09:00:00+08:00');
    expect(result.ok).toBe(false);
    if (!result.ok && result.refusal.kind === 'payload_invalid') {
      expect(result.refusal.errors.map((e) => e.path)).toContain(path);
    } else throw new Error('expected payload_invalid');
  });

  it('throws on a malformed `now` (a programming error, not user input)', () => {
    expect(() => initialize(definition, projectData, enterprise, 'yesterday')).toThrow(RangeError);
  });
});

describe('step refusals, in check order', () => {
  const driver = () => new Driver(definition);

  it('unknown_event', () => {
    const result = driver().send('LAUNCH_ROCKET', '2015-03-02T09:00:00Z', {});
    expect(!result.ok && result.refusal).toEqual({ kind: 'unknown_event', type: 'LAUNCH_ROCKET' });
  });

  it('role_not_allowed, before the payload is looked at', () => {
    const result = driver().send('SUBMIT', '2015-03-02T09:00:00Z', { junk: true }, bureau);
    expect(!result.ok && result.refusal).toEqual({
      kind: 'role_not_allowed',
      type: 'SUBMIT',
      role: 'bureau',
      allowedRoles: ['enterprise'],
    });
  });

  it('payload_invalid with one error per field, JSON-pointer paths', () => {
    const d = underConstruction();
    const result = d.send('PROGRESS_REPORT', '2015-06-01T09:00:00Z', {
      period: '2015-Q5',
      percentComplete: 140,
      investmentSpent: -1,
      problems: ['x'.repeat(501)],
      helpRequested: [{ kind: 'lottery' }],
      extra: 1,
    });
    if (result.ok || result.refusal.kind !== 'payload_invalid') throw new Error('expected payload_invalid');
    const paths = result.refusal.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/payload/period',
        '/payload/percentComplete',
        '/payload/investmentSpent',
        '/payload/investmentPlanned',
        '/payload/problems/0',
        '/payload/helpRequested/0/kind',
        '/payload/extra',
      ]),
    );
  });

  it('payload is checked before the state: a bad payload in the wrong state is payload_invalid', () => {
    const result = driver().send('APPROVE', '2015-03-02T09:00:00Z', {});
    expect(!result.ok && result.refusal.kind).toBe('payload_invalid');
  });

  it('not_allowed lists the events the state accepts', () => {
    const result = driver().send('APPROVE', '2015-03-02T09:00:00Z');
    if (result.ok || result.refusal.kind !== 'not_allowed') throw new Error('expected not_allowed');
    expect(result.refusal.state).toBe('draft');
    expect(result.refusal.allowed).toEqual([
      'ANSWER_QUESTION',
      'ASK_QUESTION',
      'COACHING',
      'REFERRAL',
      'SITE_VISIT',
      'SUBMIT',
      'TERMINATE',
    ]);
  });

  it('guard_refused names the guard and says why', () => {
    const d = underConstruction();
    d.ok('APPLY_ACCEPTANCE', '2017-10-01T09:00:00+08:00');
    d.ok('MATERIALS_COMPLETE', '2017-10-10T09:00:00+08:00');
    d.ok('SCHEDULE_MOCK_DEFENSE', '2017-10-11T09:00:00+08:00');
    // A timer for a state that is no longer active is not_allowed, not an error.
    const stale = d.send(OVERDUE_ACTIVE, '2018-12-31T00:00:00+08:00', {}, system);
    expect(!stale.ok && stale.refusal.kind).toBe('not_allowed');
    const d2 = underConstruction();
    d2.ok(OVERDUE_ACTIVE, '2018-12-31T00:00:00+08:00', {}, system);
    const again = d2.send(OVERDUE_ACTIVE, '2019-01-01T00:00:00+08:00', {}, system);
    expect(!again.ok && again.refusal).toEqual({
      kind: 'guard_refused',
      type: OVERDUE_ACTIVE,
      guard: 'notFlagged',
      reason: 'flag "overdue" is already set',
    });
  });

  it('a final state allows nothing', () => {
    const d = new Driver(definition);
    d.ok('TERMINATE', '2015-03-02T09:00:00Z');
    expect(d.snapshot.status).toBe('done');
    const result = d.send('COACHING', '2015-03-03T09:00:00Z');
    expect(!result.ok && result.refusal).toMatchObject({ kind: 'not_allowed', allowed: [] });
  });

  it('timer events are for the system actor only', () => {
    const d = underConstruction();
    const result = d.send(OVERDUE_ACTIVE, '2019-01-01T00:00:00Z', {}, bureau);
    expect(!result.ok && result.refusal).toMatchObject({
      kind: 'role_not_allowed',
      allowedRoles: ['system'],
    });
  });
});

describe('approval', () => {
  it('returns for revision to draft with the reasons recorded, then approves into construction.active', () => {
    const d = new Driver(definition);
    d.ok('SUBMIT', '2015-03-02T09:00:00+08:00');
    const back = d.ok('RETURN_FOR_REVISION', '2015-03-10T09:00:00+08:00');
    expect(back.value).toBe('draft');
    expect(back.context.reviews).toEqual([
      expect.objectContaining({ seq: 1, reasons: ['投资估算依据不足'], by: 'bur-1' }),
    ]);
    d.ok('SUBMIT', '2015-03-12T09:00:00+08:00');
    expect(d.ok('APPROVE', '2015-04-01T09:00:00+08:00').value).toEqual({ construction: 'active' });
    expect(d.snapshot.context.constructionStartedAt).toBe('2015-04-01T09:00:00+08:00');
  });

  it('rejection is final', () => {
    const d = new Driver(definition);
    d.ok('SUBMIT', '2015-03-02T09:00:00+08:00');
    const result = d.ok('REJECT', '2015-03-10T09:00:00+08:00');
    expect(result.done).toBe(true);
    expect(result.context.rejectionReason).toBe('不符合扶持方向');
  });
});

describe('timers', () => {
  it('arms overdue and report reminder on entering construction.active, with derivations', () => {
    const d = new Driver(definition);
    d.ok('SUBMIT', '2015-03-02T09:00:00+08:00');
    const approved = d.ok('APPROVE', '2015-04-01T09:00:00+08:00');
    expect(approved.effects.cancel).toEqual([]);
    expect(approved.effects.arm).toEqual([
      {
        key: OVERDUE_KEY,
        eventType: OVERDUE_ACTIVE,
        stateId: 'industrial-project.construction.active',
        delay: 'overdue',
        dueAt: '2018-12-30T16:00:00.000Z', // 2018-12-31 00:00 in Beijing
        derivation: {
          rule: 'context.plannedCompletion + P1Y + context.suspendedMs (paused time)',
          baseDate: '2017-12-31',
          offset: 'P1Y',
          pausedMs: 0,
          changes: [],
        },
      },
      expect.objectContaining({
        key: REMINDER_KEY,
        eventType: REMINDER_ACTIVE,
        dueAt: '2015-07-01T01:00:00.000Z',
        derivation: expect.objectContaining({ rule: 'context.constructionStartedAt + P3M' }),
      }),
    ]);
  });

  it('cancels them on leaving construction.active and re-arms both on a progress report', () => {
    const d = underConstruction();
    const report = d.ok('PROGRESS_REPORT', '2015-06-20T09:00:00+08:00');
    expect(report.effects.cancel).toEqual([OVERDUE_KEY, REMINDER_KEY]);
    expect(report.effects.arm.map((t) => [t.key, t.dueAt])).toEqual([
      [OVERDUE_KEY, '2018-12-30T16:00:00.000Z'],
      [REMINDER_KEY, '2015-09-20T01:00:00.000Z'],
    ]);
    const terminated = d.ok('TERMINATE', '2015-07-01T09:00:00+08:00');
    expect(terminated.effects).toEqual({ arm: [], cancel: [OVERDUE_KEY, REMINDER_KEY] });
  });

  it('a fired overdue timer flags the project and leaves it in construction, without re-arming', () => {
    const d = underConstruction();
    const fired = d.ok(OVERDUE_ACTIVE, '2018-12-31T00:00:00+08:00', {}, system);
    expect(fired.value).toEqual({ construction: 'active' });
    expect(flagsOf(fired.context).overdue).toBe(true);
    expect(fired.context.overdueSince).toBe('2018-12-31T00:00:00+08:00');
    expect(fired.effects).toEqual({ arm: [], cancel: [] });
  });

  it('the report reminder flag is set by its timer and cleared by a progress report', () => {
    const d = underConstruction();
    expect(
      flagsOf(d.ok(REMINDER_ACTIVE, '2015-07-01T09:00:00+08:00', {}, system).context).reportReminder,
    ).toBe(true);
    const report = d.ok('PROGRESS_REPORT', '2015-07-05T09:00:00+08:00');
    expect(flagsOf(report.context).reportReminder).toBe(false);
    expect(report.context.lastReportAt).toBe('2015-07-05T09:00:00+08:00');
    expect(report.context.lastPercentComplete).toBe(40);
  });
});

describe('suspension', () => {
  it('pauses the overdue clock: suspended time extends the deadline, using recorded times only', () => {
    const d = underConstruction();
    const suspended = d.ok('SUSPEND', '2020-01-24T00:00:00+08:00');
    expect(suspended.value).toEqual({ construction: 'suspended' });
    expect(suspended.effects.arm).toEqual([]);
    expect(suspended.effects.cancel).toEqual([OVERDUE_KEY, REMINDER_KEY]);
    const notNow = d.send('APPLY_ACCEPTANCE', '2020-02-01T00:00:00+08:00');
    expect(!notNow.ok && notNow.refusal.kind).toBe('not_allowed');
    const resumed = d.ok('RESUME', '2020-04-08T00:00:00+08:00'); // 75 days later
    expect(resumed.context.suspendedMs).toBe(75 * 86_400_000);
    const overdue = resumed.effects.arm.find((t) => t.key === OVERDUE_KEY);
    expect(overdue?.dueAt).toBe('2019-03-15T16:00:00.000Z');
    expect(overdue?.derivation.pausedMs).toBe(75 * 86_400_000);
    expect(resumed.context.suspensions).toEqual([
      expect.objectContaining({
        reason: '疫情停工',
        from: '2020-01-24T00:00:00+08:00',
        to: '2020-04-08T00:00:00+08:00',
      }),
    ]);
    d.ok('SUSPEND', '2020-05-01T00:00:00+08:00');
    expect(d.ok('RESUME', '2020-05-11T00:00:00+08:00').context.suspendedMs).toBe(85 * 86_400_000);
  });
});

describe('change requests', () => {
  it('needs a new date or a new scope', () => {
    const d = underConstruction();
    const result = d.send('REQUEST_CHANGE', '2017-06-01T09:00:00+08:00', { reasons: ['x'] });
    expect(!result.ok && result.refusal.kind).toBe('payload_invalid');
  });

  it('approval moves the overdue deadline and keeps the clock running while under review', () => {
    const d = underConstruction();
    const requested = d.ok('REQUEST_CHANGE', '2017-06-01T09:00:00+08:00');
    expect(requested.value).toEqual({ construction: 'changeReview' });
    expect(requested.effects.arm.map((t) => t.key)).toEqual([
      'industrial-project.construction.changeReview#overdue',
      'industrial-project.construction.changeReview#reportReminder',
    ]);
    expect(requested.effects.arm[0].dueAt).toBe('2018-12-30T16:00:00.000Z');
    const approved = d.ok('APPROVE_CHANGE', '2017-06-15T09:00:00+08:00');
    expect(approved.value).toEqual({ construction: 'active' });
    expect(approved.context).toMatchObject({
      plannedCompletion: '2018-12-31',
      changeApproved: true,
      pendingChange: null,
    });
    const overdue = approved.effects.arm.find((t) => t.key === OVERDUE_KEY);
    expect(overdue?.dueAt).toBe('2019-12-30T16:00:00.000Z');
    expect(overdue?.derivation.changes).toEqual([
      expect.objectContaining({ from: '2017-12-31', to: '2018-12-31' }),
    ]);
  });

  it('clears the overdue flag when the new date puts the project back inside its deadline', () => {
    const d = underConstruction();
    d.ok(OVERDUE_ACTIVE, '2018-12-31T00:00:00+08:00', {}, system);
    d.ok('REQUEST_CHANGE', '2019-01-10T09:00:00+08:00', {
      newCompletionDate: '2019-06-30',
      reasons: ['设备延期'],
    });
    const approved = d.ok('APPROVE_CHANGE', '2019-01-20T09:00:00+08:00');
    expect(flagsOf(approved.context).overdue).toBe(false);
    expect(approved.context.overdueSince).toBeNull();
  });

  it('keeps the overdue flag when the new date is still past', () => {
    const d = underConstruction();
    d.ok(OVERDUE_ACTIVE, '2018-12-31T00:00:00+08:00', {}, system);
    d.ok('REQUEST_CHANGE', '2019-01-10T09:00:00+08:00', { newCompletionDate: '2017-10-31', reasons: ['x'] });
    expect(flagsOf(d.ok('APPROVE_CHANGE', '2019-01-20T09:00:00+08:00').context).overdue).toBe(true);
  });

  it('rejection keeps the date and records the reason', () => {
    const d = underConstruction();
    d.ok('REQUEST_CHANGE', '2017-06-01T09:00:00+08:00', { newScope: '增加中试车间', reasons: ['市场变化'] });
    const rejected = d.ok('REJECT_CHANGE', '2017-06-15T09:00:00+08:00');
    expect(rejected.context).toMatchObject({
      plannedCompletion: '2017-12-31',
      pendingChange: null,
      changeApproved: false,
    });
  });
});

describe('acceptance', () => {
  function inAcceptance(): Driver {
    const d = underConstruction();
    d.ok('APPLY_ACCEPTANCE', '2017-12-01T09:00:00+08:00');
    return d;
  }

  it('runs materials → mock defense → expert review → accepted', () => {
    const d = inAcceptance();
    expect(d.ok('MATERIALS_COMPLETE', '2017-12-05T09:00:00+08:00').value).toEqual({
      acceptance: 'preparing',
    });
    d.ok('SCHEDULE_MOCK_DEFENSE', '2017-12-06T09:00:00+08:00');
    const notReady = d.ok('RECORD_MOCK_DEFENSE', '2017-12-20T09:00:00+08:00', {
      result: 'not_ready',
      problems: ['经费决算不清'],
    });
    expect(notReady.value).toEqual({ acceptance: 'preparing' });
    d.ok('SCHEDULE_MOCK_DEFENSE', '2018-01-06T09:00:00+08:00');
    expect(d.ok('RECORD_MOCK_DEFENSE', '2018-01-20T09:00:00+08:00').value).toEqual({
      acceptance: 'expertReview',
    });
    d.ok('SCHEDULE_EXPERT_ACCEPTANCE', '2018-01-21T09:00:00+08:00');
    const fail = { verdict: 'fail', panel: ['王教授'], opinions: '检测报告缺失' };
    expect(d.ok('RECORD_EXPERT_VERDICT', '2018-02-01T09:00:00+08:00', fail).value).toEqual({
      acceptance: 'rectification',
    });
    expect(d.ok('SUBMIT_RECTIFICATION', '2018-02-20T09:00:00+08:00').value).toEqual({
      acceptance: 'expertReview',
    });
    d.ok('SCHEDULE_EXPERT_ACCEPTANCE', '2018-02-21T09:00:00+08:00');
    const accepted = d.ok('RECORD_EXPERT_VERDICT', '2018-03-01T09:00:00+08:00');
    expect(accepted.value).toBe('accepted');
    expect(accepted.done).toBe(true);
  });

  it('incomplete materials: supplement, or back to construction', () => {
    const d = inAcceptance();
    expect(d.ok('MATERIALS_INCOMPLETE', '2017-12-05T09:00:00+08:00').value).toEqual({
      acceptance: 'supplementing',
    });
    d.ok('SUBMIT_SUPPLEMENT', '2017-12-10T09:00:00+08:00');
    const back = d.ok('MATERIALS_INCOMPLETE', '2017-12-12T09:00:00+08:00', {
      missing: ['主体未完工'],
      returnToConstruction: true,
    });
    expect(back.value).toEqual({ construction: 'active' });
    expect(back.effects.arm.map((t) => t.key)).toEqual([OVERDUE_KEY, REMINDER_KEY]);
  });
});

describe('service records', () => {
  it('are allowed in every open state, change no state and keep bounded, numbered lists', () => {
    const d = underConstruction();
    for (let i = 0; i < 60; i++) {
      const result = d.ok('COACHING', `2015-05-01T09:${String(i).padStart(2, '0')}:00+08:00`, {
        topic: `第${i + 1}次`,
      });
      expect(result.value).toEqual({ construction: 'active' });
      expect(result.effects).toEqual({ arm: [], cancel: [] });
    }
    // The shipped lifecycle keeps the last 20 records in context; the events keep all of them.
    const services = d.snapshot.context.services as JsonObject[];
    expect(services).toHaveLength(20);
    expect(services[0]).toMatchObject({ seq: 41 });
    expect(services[19]).toMatchObject({ seq: 60, topic: '第60次', by: 'svc-1', role: 'service' });
    const asked = d.ok('ASK_QUESTION', '2015-05-02T09:00:00+08:00');
    expect(asked.context.questions).toEqual([
      expect.objectContaining({ seq: 1, question: '专项审计由谁委托？' }),
    ]);
    expect(d.ok('ANSWER_QUESTION', '2015-05-03T09:00:00+08:00').context.answers).toHaveLength(1);
    expect(d.ok('SITE_VISIT', '2015-05-04T09:00:00+08:00', undefined, bureau).value).toEqual({
      construction: 'active',
    });
    const referral = d.send('REFERRAL', '2015-05-05T09:00:00+08:00', { program: 'real-estate' }, service);
    expect(!referral.ok && referral.refusal).toMatchObject({
      kind: 'payload_invalid',
      errors: [{ path: '/payload/program' }],
    });
  });
});

describe('available events', () => {
  it('filters by state and role', () => {
    const d = underConstruction();
    const types = (role: 'enterprise' | 'bureau' | 'auditor') =>
      availableEvents(definition, d.snapshot, role).map((e) => e.type);
    expect(types('enterprise')).toEqual([
      'APPLY_ACCEPTANCE',
      'ASK_QUESTION',
      'PROGRESS_REPORT',
      'REQUEST_CHANGE',
      'SUSPEND',
    ]);
    expect(types('bureau')).toEqual(['ANSWER_QUESTION', 'REFERRAL', 'SITE_VISIT', 'SUSPEND', 'TERMINATE']);
    expect(types('auditor')).toEqual([]);
    const [first] = availableEvents(definition, d.snapshot, 'enterprise');
    expect(first.label).toEqual({ zh: '申请验收', en: 'Apply for acceptance' });
    expect(first.payload).toMatchObject({ type: 'object', required: ['materials'] });
  });
});

describe('replay', () => {
  it('reproduces every stored snapshot exactly, reading no clock', () => {
    const d = underConstruction();
    d.ok('PROGRESS_REPORT', '2015-06-20T09:00:00+08:00');
    d.ok('SUSPEND', '2016-01-24T00:00:00+08:00');
    d.ok('RESUME', '2016-03-01T00:00:00+08:00');
    d.ok('REQUEST_CHANGE', '2017-06-01T09:00:00+08:00');
    d.ok('APPROVE_CHANGE', '2017-06-15T09:00:00+08:00');
    d.ok(REMINDER_ACTIVE, '2017-09-15T09:00:00+08:00', {}, system);
    d.ok('APPLY_ACCEPTANCE', '2018-10-01T09:00:00+08:00');
    const now = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('replay read the clock');
    });
    try {
      const result = replay(
        definition,
        { data: projectData, actor: enterprise, at: d.startedAt },
        d.recorded,
      );
      expect(result.ok && result.snapshots).toEqual(d.stored);
      expect(JSON.stringify(result.ok && result.last)).toBe(JSON.stringify(d.snapshot));
    } finally {
      now.mockRestore();
    }
  });

  it('stops at the first refused event and says which', () => {
    const events = [
      { type: 'APPROVE', payload: { approvalNo: 'x' }, actor: bureau, at: '2015-03-02T00:00:00Z' },
    ];
    const result = replay(
      definition,
      { data: projectData, actor: enterprise, at: '2015-03-01T00:00:00Z' },
      events,
    );
    expect(!result.ok && [result.index, result.refusal.kind]).toEqual([0, 'not_allowed']);
  });

  it('snapshots survive a JSON round trip and resolveState', () => {
    const d = underConstruction();
    const copy = JSON.parse(JSON.stringify(d.snapshot));
    const a = step(
      definition,
      copy,
      { type: 'SUSPEND', payload: { reason: '疫情' } },
      enterprise,
      '2016-01-01T00:00:00Z',
    );
    const b = step(
      definition,
      d.snapshot,
      { type: 'SUSPEND', payload: { reason: '疫情' } },
      enterprise,
      '2016-01-01T00:00:00Z',
    );
    expect(a).toEqual(b);
  });
});
