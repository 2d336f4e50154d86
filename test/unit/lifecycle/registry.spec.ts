import {
  ACTIONS,
  DELAYS,
  GUARDS,
  addDuration,
  parseIsoDuration,
  validateDefinition,
  type LifecycleEvent,
} from '../../../src/lifecycle';
import { loadShipped } from './fixtures';

const ms = (iso: string) => Date.parse(iso);
const event = (payload = {}, at = '2020-01-01T00:00:00Z'): LifecycleEvent => ({
  type: 'X',
  payload,
  actor: { id: 'u1', role: 'enterprise' },
  at,
});

describe('parseIsoDuration', () => {
  it.each([
    ['P1Y', { years: 1, months: 0, days: 0, timeMs: 0 }],
    ['P3M', { years: 0, months: 3, days: 0, timeMs: 0 }],
    ['P2W', { years: 0, months: 0, days: 14, timeMs: 0 }],
    ['P1Y2M3DT4H5M6S', { years: 1, months: 2, days: 3, timeMs: (4 * 3600 + 5 * 60 + 6) * 1000 }],
    ['PT36H', { years: 0, months: 0, days: 0, timeMs: 36 * 3_600_000 }],
    ['P0D', { years: 0, months: 0, days: 0, timeMs: 0 }],
  ])('parses %s', (text, duration) => {
    expect(parseIsoDuration(text)).toEqual({ ok: true, duration });
  });

  it.each(['-P1D', 'P', 'PT', 'P1.5M', '1Y', 'P1H', 'PT1D', 'P1Y ', 'p1y', 'P99999Y', ''])(
    'refuses %j',
    (text) => {
      expect(parseIsoDuration(text).ok).toBe(false);
    },
  );

  it('says why a negative duration is refused', () => {
    expect(parseIsoDuration('-P1Y')).toEqual({
      ok: false,
      message: 'negative duration "-P1Y" is not allowed',
    });
  });
});

describe('addDuration', () => {
  const add = (from: string, iso: string) => {
    const parsed = parseIsoDuration(iso);
    if (!parsed.ok) throw new Error(parsed.message);
    return new Date(addDuration(ms(from), parsed.duration)).toISOString();
  };
  it('clamps to the end of shorter months and handles leap years', () => {
    expect(add('2016-01-31T00:00:00Z', 'P1M')).toBe('2016-02-29T00:00:00.000Z');
    expect(add('2016-02-29T00:00:00Z', 'P1Y')).toBe('2017-02-28T00:00:00.000Z');
    expect(add('2015-11-30T12:00:00Z', 'P3M')).toBe('2016-02-29T12:00:00.000Z');
    expect(add('2015-12-31T23:00:00Z', 'PT2H')).toBe('2016-01-01T01:00:00.000Z');
  });
});

describe('delays', () => {
  const overdue = loadShipped().delays?.overdue?.params ?? {};

  it('dateOffset reads on the Beijing calendar and adds paused time, with its derivation', () => {
    const context = {
      plannedCompletion: '2017-12-31',
      suspendedMs: 86_400_000,
      changes: [{ from: '2016-12-31' }],
    };
    expect(DELAYS.dateOffset.due(overdue, context, 0)).toEqual({
      dueAtMs: ms('2018-12-31T16:00:00Z'),
      derivation: {
        rule: 'context.plannedCompletion + P1Y + context.suspendedMs (paused time)',
        baseDate: '2017-12-31',
        offset: 'P1Y',
        pausedMs: 86_400_000,
        changes: [{ from: '2016-12-31' }],
      },
    });
  });

  it('dateOffset without a base date yields no deadline', () => {
    expect(DELAYS.dateOffset.due(overdue, { plannedCompletion: null }, 0)).toBeNull();
    expect(
      DELAYS.dateOffset.due({ date: 'data.when', offset: 'P1D' }, { data: { when: 'soon' } }, 0),
    ).toBeNull();
  });

  it('duration counts from the time the state was entered', () => {
    const due = DELAYS.duration.due({ iso: 'P3M' }, {}, ms('2020-01-15T08:00:00Z'));
    expect(due?.dueAtMs).toBe(ms('2020-04-15T08:00:00Z'));
    expect(due?.derivation.rule).toBe('state entered + P3M');
  });
});

describe('delay params that name fields', () => {
  const withDelayParams = (params: Record<string, string>) => {
    const definition = loadShipped();
    const overdue = definition.delays?.overdue;
    if (!overdue) throw new Error('the shipped lifecycle has an overdue delay');
    overdue.params = { ...overdue.params, ...params };
    return definition;
  };

  it.each([
    ['a context field not in the initial context', { date: 'context.typo' }, 'date', '"context.typo"'],
    ['a data field not in the data schema', { date: 'data.nosuch' }, 'date', '"data.nosuch"'],
    [
      'a path below a data field that has none',
      { fallback: 'data.plannedCompletion.year' },
      'fallback',
      '"data.plannedCompletion.year"',
    ],
    [
      'creation data reached through the context',
      { extendBy: 'context.data.nosuch' },
      'extendBy',
      '"data.nosuch"',
    ],
    ['a misspelt list of changes', { changes: 'context.change' }, 'changes', '"context.change"'],
  ])('refuses %s', (_name, params, key, named) => {
    const { valid, problems } = validateDefinition(withDelayParams(params));
    expect(valid).toBe(false);
    expect(problems).toEqual([
      { path: `/delays/overdue/params/${key}`, message: expect.stringContaining(named) },
    ]);
  });

  it.each([
    ['a data field of the schema', { date: 'data.plannedCompletion' }],
    ['a field of the initial context', { date: 'context.lastReportAt' }],
    ['the flags, always in the context', { extendBy: 'context.flags.paused' }],
  ])('accepts %s', (_name, params) => {
    expect(validateDefinition(withDelayParams(params))).toEqual({ valid: true, problems: [] });
  });
});

describe('guards', () => {
  it('payloadEquals, payloadHas, contextFlag, notFlagged', () => {
    const context = { flags: { overdue: true } };
    expect(
      GUARDS.payloadEquals.test(context, event({ verdict: 'pass' }), { field: 'verdict', value: 'pass' }),
    ).toBe(true);
    expect(
      GUARDS.payloadEquals.test(context, event({ verdict: 'fail' }), { field: 'verdict', value: 'pass' }),
    ).toBe(false);
    expect(GUARDS.payloadEquals.test(context, event({}), { field: 'verdict', value: null })).toBe(false);
    expect(GUARDS.payloadHas.test(context, event({ a: { b: 0 } }), { field: 'a.b' })).toBe(true);
    expect(GUARDS.contextFlag.test(context, event(), { flag: 'overdue' })).toBe(true);
    expect(GUARDS.contextFlag.test(context, event(), { flag: 'overdue', value: false })).toBe(false);
    expect(GUARDS.notFlagged.test(context, event(), { flag: 'overdue' })).toBe(false);
    expect(GUARDS.notFlagged.test({}, event(), { flag: 'overdue' })).toBe(true);
  });
});

describe('actions', () => {
  const definition = loadShipped();

  it('never write through prototype paths', () => {
    const next = ACTIONS.assignFromPayload.apply(
      {},
      event({ x: 1 }),
      { field: 'x', to: '__proto__.polluted' },
      definition,
    );
    expect(next).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('appendRecord keeps the last `max` entries, numbered', () => {
    let context = {};
    for (let i = 0; i < 5; i++) {
      context = ACTIONS.appendRecord.apply(
        context,
        event({ topic: `t${i}`, secret: 1 }),
        { list: 'log', fields: ['topic'], max: 3 },
        definition,
      );
    }
    expect(context).toMatchObject({
      counters: { log: 5 },
      log: [{ seq: 3 }, { seq: 4 }, { seq: 5, topic: 't4' }],
    });
    expect(JSON.stringify(context)).not.toContain('secret');
  });

  it('markSuspended and accumulatePause use event.at only', () => {
    const suspended = ACTIONS.markSuspended.apply(
      {},
      event({ reason: '疫情' }, '2020-01-24T00:00:00+08:00'),
      {},
      definition,
    );
    const resumed = ACTIONS.accumulatePause.apply(
      suspended,
      event({}, '2020-01-25T06:00:00+08:00'),
      {},
      definition,
    );
    expect(resumed).toMatchObject({ suspendedMs: 30 * 3_600_000, suspendedSince: null });
  });
});
