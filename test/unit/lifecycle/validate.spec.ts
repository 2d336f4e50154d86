import {
  MAX_DEFINITION_BYTES,
  createMachine,
  InvalidDefinitionError,
  validateDefinition,
  type LifecycleDefinition,
  type StateConfig,
} from '../../../src/lifecycle';
import { loadShipped } from './fixtures';

const label = { zh: '标签', en: 'Label' };
const anyPayload = { type: 'object', additionalProperties: false, properties: {} };

/** A small valid definition the table below breaks one way at a time. */
function base(): LifecycleDefinition {
  return {
    key: 'mini',
    title: label,
    roles: ['bureau', 'enterprise'],
    data: { type: 'object' },
    machine: {
      id: 'mini',
      initial: 'open',
      states: {
        open: { meta: { label }, on: { CLOSE: { target: 'closed' } } },
        closed: { meta: { label }, type: 'final' },
      },
    },
    events: { CLOSE: { label, roles: ['bureau'], payload: anyPayload } },
    delays: {},
  };
}

function broken(change: (d: LifecycleDefinition) => void): LifecycleDefinition {
  const d = base();
  change(d);
  return d;
}

function nested(levels: number): StateConfig {
  let state: StateConfig = { meta: { label }, type: 'final' };
  for (let i = 0; i < levels; i++) state = { meta: { label }, initial: 's', states: { s: state } };
  return state;
}

const open = (d: LifecycleDefinition) => d.machine.states.open;

const cases: [string, unknown, string, string][] = [
  ['not an object', 42, '', 'must be a JSON object, not number'],
  ['null', null, '', 'not null'],
  ['an array', [base()], '', 'not an array'],
  [
    '1 MB',
    broken((d) => (d.data = { type: 'object', description: 'x'.repeat(1024 * 1024) })),
    '',
    `limit of ${MAX_DEFINITION_BYTES} bytes`,
  ],
  [
    '200-level nesting',
    broken((d) => (d.machine.states.open = nested(200))),
    '/machine/states/open/states/s',
    'nesting deeper than 64',
  ],
  [
    '25-level state nesting',
    broken((d) => (d.machine.states.open = nested(25))),
    '/machine/states/open/states/s',
    'states nested deeper than 20',
  ],
  ['state named __proto__', protoState(), '/machine/states/__proto__', 'invalid name'],
  [
    'state named constructor',
    broken((d) =>
      Object.defineProperty(d.machine.states, 'constructor', {
        value: { meta: { label }, type: 'final' },
        enumerable: true,
      }),
    ),
    '/machine/states/constructor',
    'reserved name',
  ],
  [
    'unknown #id target',
    broken((d) => (open(d).on = { CLOSE: { target: '#nowhere' } })),
    '/machine/states/open/on/CLOSE/target',
    'no state has id "nowhere"',
  ],
  [
    'unknown sibling target',
    broken((d) => (open(d).on = { CLOSE: { target: 'shut' } })),
    '/machine/states/open/on/CLOSE/target',
    'no state "shut"',
  ],
  [
    'targets looping through #ids',
    broken((d) => {
      d.machine.states.open = { meta: { label }, on: { CLOSE: { target: '#ping' } } };
      d.machine.states.ping = { meta: { label }, id: 'ping', on: { CLOSE: { target: '#pong' } } };
      d.machine.states.pong = { meta: { label }, id: 'pong', on: { CLOSE: { target: '#ping' } } };
    }),
    '/machine/states/ping',
    'no final state can be reached',
  ],
  [
    'unknown XState key (invoke)',
    broken((d) => Object.assign(open(d), { invoke: { src: 'fetch' } })),
    '/machine/states/open/invoke',
    'unknown property "invoke"',
  ],
  [
    'unknown XState key (always)',
    broken((d) => Object.assign(open(d), { always: { target: 'closed' } })),
    '/machine/states/open/always',
    'unknown property',
  ],
  [
    'guard params of the wrong type',
    broken(
      (d) =>
        (open(d).on = {
          CLOSE: { target: 'closed', guard: { type: 'payloadEquals', params: { field: 5, value: 'x' } } },
        }),
    ),
    '/machine/states/open/on/CLOSE/guard/params/field',
    'must be string',
  ],
  [
    'unknown guard',
    broken((d) => (open(d).on = { CLOSE: { target: 'closed', guard: { type: 'isFriday' } } })),
    '/machine/states/open/on/CLOSE/guard/type',
    'unknown guard "isFriday"',
  ],
  [
    'unknown action',
    broken((d) => (open(d).on = { CLOSE: { target: 'closed', actions: [{ type: 'sendEmail' }] } })),
    '/machine/states/open/on/CLOSE/actions/0/type',
    'unknown action "sendEmail"',
  ],
  [
    'unknown delay type',
    broken((d) => (d.delays = { soon: { type: 'whenever' } })),
    '/delays/soon/type',
    'unknown delay "whenever"',
  ],
  [
    'after with an undeclared delay',
    broken((d) => (open(d).after = { later: { target: 'closed' } })),
    '/machine/states/open/after/later',
    'not declared in /delays',
  ],
  [
    'event without roles',
    broken((d) => (d.events.CLOSE = JSON.parse('{"label":{"zh":"关","en":"Close"},"payload":{}}'))),
    '/events/CLOSE/roles',
    'required property "roles"',
  ],
  [
    'event with empty roles',
    broken((d) => (d.events.CLOSE.roles = [])),
    '/events/CLOSE/roles',
    'fewer than 1',
  ],
  [
    'event without payload schema',
    broken((d) => (d.events.CLOSE = JSON.parse('{"label":{"zh":"关","en":"Close"},"roles":["bureau"]}'))),
    '/events/CLOSE/payload',
    'required property "payload"',
  ],
  [
    'unknown role',
    broken((d) => (d.events.CLOSE.roles = ['mayor' as 'bureau'])),
    '/events/CLOSE/roles/0',
    'unknown role "mayor"',
  ],
  [
    'role not in the definition',
    broken((d) => (d.events.CLOSE.roles = ['expert'])),
    '/events/CLOSE/roles/0',
    'unknown role "expert"',
  ],
  [
    'event used but not declared',
    broken((d) => (open(d).on = { SHUT: { target: 'closed' } })),
    '/machine/states/open/on/SHUT',
    'not declared in /events',
  ],
  [
    'unreachable state',
    broken((d) => (d.machine.states.orphan = { meta: { label }, on: { CLOSE: { target: 'closed' } } })),
    '/machine/states/orphan',
    'unreachable',
  ],
  [
    'dead-end non-final state',
    broken((d) => {
      d.machine.states.stuck = { meta: { label } };
      open(d).on = {
        CLOSE: [
          { target: 'closed', guard: { type: 'payloadHas', params: { field: 'x' } } },
          { target: 'stuck' },
        ],
      };
    }),
    '/machine/states/stuck',
    'no final state can be reached',
  ],
  [
    'negative duration',
    broken((d) => (d.delays = { soon: { type: 'duration', params: { iso: '-P1D' } } })),
    '/delays/soon/params',
    'negative duration',
  ],
  [
    'zero duration',
    broken((d) => (d.delays = { soon: { type: 'duration', params: { iso: 'PT0S' } } })),
    '/delays/soon/params',
    'zero duration',
  ],
  [
    'malformed duration',
    broken(
      (d) => (d.delays = { soon: { type: 'dateOffset', params: { date: 'context.x', offset: '1 year' } } }),
    ),
    '/delays/soon/params',
    'not an ISO-8601 duration',
  ],
  [
    'missing date field in delay params',
    broken((d) => (d.delays = { due: { type: 'dateOffset', params: { offset: 'P1Y' } } })),
    '/delays/due/params/date',
    'required property "date"',
  ],
  [
    'delay date outside context/data',
    broken(
      (d) => (d.delays = { due: { type: 'dateOffset', params: { date: 'process.env', offset: 'P1Y' } } }),
    ),
    '/delays/due/params/date',
    'must match pattern',
  ],
  [
    'timer re-entering its own state',
    broken((d) => {
      d.delays = { soon: { type: 'duration', params: { iso: 'P1D' } } };
      open(d).after = { soon: { target: 'open', reenter: true } };
    }),
    '/machine/states/open/after/soon/target',
    'never settles',
  ],
  [
    'duplicate state id',
    broken((d) => {
      open(d).id = 'twin';
      d.machine.states.closed.id = 'twin';
    }),
    '/machine/states/closed/id',
    'duplicate state id "twin"',
  ],
  [
    'relative target on the root',
    broken((d) => (d.machine.on = { CLOSE: { target: 'closed' } })),
    '/machine/on/CLOSE/target',
    'must be ".closed"',
  ],
  [
    'initial that is not a child',
    broken((d) => (d.machine.initial = 'opened')),
    '/machine/initial',
    'not a child state',
  ],
  [
    'payload schema ajv cannot compile',
    broken((d) => (d.events.CLOSE.payload = { type: 'object', frobnicate: true })),
    '/events/CLOSE/payload',
    'not a usable JSON Schema',
  ],
  [
    'final state with transitions',
    broken((d) => (d.machine.states.closed.on = { CLOSE: { target: 'open' } })),
    '/machine/states/closed',
    'final state has no',
  ],
  ['unknown top-level key', broken((d) => Object.assign(d, { extra: 1 })), '/extra', 'unknown property'],
  [
    'applyChange naming an undeclared delay',
    broken(
      (d) =>
        (open(d).on = {
          CLOSE: { target: 'closed', actions: [{ type: 'applyChange', params: { overdueDelay: 'late' } }] },
        }),
    ),
    '/machine/states/open/on/CLOSE/actions/0/params/overdueDelay',
    'unknown delay "late"',
  ],
  [
    'state without a label',
    broken((d) => delete open(d).meta),
    '/machine/states/open/meta',
    'required property "meta"',
  ],
  [
    'nested state without a label',
    broken((d) => Object.assign(open(d), { initial: 'inner', states: { inner: {} } })),
    '/machine/states/open/states/inner/meta',
    'required property "meta"',
  ],
  [
    'state label without English',
    broken((d) => (open(d).meta = JSON.parse('{"label":{"zh":"开放"}}'))),
    '/machine/states/open/meta/label/en',
    'required property "en"',
  ],
  [
    'state meta without its label',
    broken((d) => (open(d).meta = JSON.parse('{"note":"x"}'))),
    '/machine/states/open/meta/label',
    'required property "label"',
  ],
];

function protoState(): unknown {
  const d: unknown = JSON.parse(JSON.stringify(base()));
  const text = JSON.stringify(d).replace(
    '"closed":{"meta"',
    '"__proto__":{"meta":{"label":{"zh":"原型","en":"Proto"}},"type":"final"},"closed":{"meta"',
  );
  return JSON.parse(text);
}

describe('validateDefinition', () => {
  it('accepts the shipped lifecycle and the base fixture', () => {
    expect(validateDefinition(loadShipped())).toEqual({ valid: true, problems: [] });
    expect(validateDefinition(base())).toEqual({ valid: true, problems: [] });
  });

  it.each(cases)('%s', (_name, definition, path, fragment) => {
    const result = validateDefinition(definition);
    expect(result.valid).toBe(false);
    const match = result.problems.find((p) => p.path.startsWith(path) && p.message.includes(fragment));
    if (!match)
      throw new Error(`no problem at ${path} with "${fragment}" in ${JSON.stringify(result.problems)}`);
  });

  it('reports every problem at once, graph problems beside schema and reference problems', () => {
    const d = broken((x) => {
      x.events.CLOSE.roles = ['mayor' as 'bureau'];
      open(x).on = {
        CLOSE: { target: 'closed', guard: { type: 'isFriday' } },
        STICK: { target: 'stuck' },
      };
      x.delays = { soon: { type: 'duration', params: { iso: '-P1D' } } };
      Object.assign(x.machine.states.closed, { invoke: {} });
      x.machine.states.orphan = { meta: { label }, on: { CLOSE: { target: 'closed' } } };
      x.machine.states.stuck = {};
    });
    const problems = validateDefinition(d).problems;
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        '/events/CLOSE/roles/0',
        '/machine/states/open/on/CLOSE/guard/type',
        '/machine/states/open/on/STICK',
        '/delays/soon/params',
        '/machine/states/closed/invoke',
        '/machine/states/stuck/meta',
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '/machine/states/orphan', message: expect.stringContaining('unreachable') },
        { path: '/machine/states/stuck', message: expect.stringContaining('no final state can be reached') },
      ]),
    );
  });

  it('leaves the graph unjudged while a target does not resolve, and still reports the rest', () => {
    const d = broken((x) => {
      x.events.CLOSE.roles = ['mayor' as 'bureau'];
      open(x).on = { CLOSE: { target: '#nowhere', guard: { type: 'isFriday' } } };
      x.machine.states.orphan = { meta: { label }, on: { CLOSE: { target: 'closed' } } };
    });
    const paths = validateDefinition(d).problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/events/CLOSE/roles/0',
        '/machine/states/open/on/CLOSE/target',
        '/machine/states/open/on/CLOSE/guard/type',
      ]),
    );
    // Unresolved targets make the graph meaningless: no unreachable or dead-end guesses.
    expect(paths).not.toContain('/machine/states/orphan');
  });

  it('never throws, whatever it is given', () => {
    const cyclic: Record<string, unknown> = { key: 'x' };
    cyclic.self = cyclic;
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { states: deep };
    const inputs: unknown[] = [
      undefined,
      '',
      'x',
      true,
      0,
      Symbol('s'),
      () => 1,
      new Date(),
      cyclic,
      deep,
      { machine: 5 },
      { machine: { states: 'x' } },
      { events: [], machine: { states: { a: null } } },
    ];
    for (const input of inputs) expect(validateDefinition(input).valid).toBe(false);
  });

  it('createMachine refuses an invalid definition with its problems', () => {
    expect(() => createMachine(broken((d) => (d.machine.initial = 'nope')))).toThrow(InvalidDefinitionError);
  });
});
