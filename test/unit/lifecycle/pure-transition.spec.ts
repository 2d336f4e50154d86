// The reused inert scope must answer exactly as XState's own transition(), actions included.
import { transition } from 'xstate';
import { createMachine, type JsonObject, type LifecycleEvent } from '../../../src/lifecycle';
import { pureTransition } from '../../../src/lifecycle/pure-transition';
import { Driver, loadShipped, OVERDUE_ACTIVE, samplePayloads, senderOf } from './fixtures';

const definition = loadShipped();
const machine = createMachine(definition);

function eventOf(type: string, at: string, payload: JsonObject = samplePayloads[type] ?? {}): LifecycleEvent {
  return { type, payload, actor: senderOf(type), at };
}

/** Value, context, status and every action (type and params) of both answers, as plain JSON. */
function both(snapshotJson: Driver['snapshot'], event: LifecycleEvent) {
  const resolved = machine.resolveState({ value: snapshotJson.value, context: snapshotJson.context });
  const plain = ([next, actions]: [typeof resolved, { type: string; params?: unknown }[]]) =>
    JSON.parse(
      JSON.stringify({
        value: next.value,
        context: next.context,
        status: next.status,
        actions: actions.map((a) => ({ type: a.type, params: a.params })),
      }),
    ) as unknown;
  return {
    ours: plain(pureTransition(machine, resolved, event)),
    xstate: plain(transition(machine, resolved, event)),
  };
}

describe('pureTransition', () => {
  it('answers as transition() along a lifecycle, timers and guarded branches included', () => {
    const driver = new Driver(definition);
    const walk: [string, JsonObject?][] = [
      ['SUBMIT'],
      ['RETURN_FOR_REVISION'],
      ['SUBMIT'],
      ['APPROVE'],
      ['PROGRESS_REPORT'],
      ['SUSPEND'],
      ['RESUME'],
      ['REQUEST_CHANGE'],
      ['APPROVE_CHANGE'],
      [OVERDUE_ACTIVE, {}],
      ['COACHING'],
    ];
    let withActions = 0;
    walk.forEach(([type, payload], i) => {
      const at = new Date(Date.UTC(2016, 0, 1 + i * 30)).toISOString();
      const event = eventOf(type, at, payload);
      const { ours, xstate } = both(driver.snapshot, event);
      expect(ours).toEqual(xstate);
      if ((xstate as { actions: unknown[] }).actions.length > 0) withActions++;
      driver.ok(type, at, payload);
    });
    // Arming and cancelling deadlines are actions: the comparison must have covered some.
    expect(withActions).toBeGreaterThan(3);
  });

  it('collects only the actions of its own call when called again', () => {
    const driver = new Driver(definition);
    driver.ok('SUBMIT', '2016-01-01T00:00:00Z');
    driver.ok('APPROVE', '2016-01-02T00:00:00Z');
    const event = eventOf('PROGRESS_REPORT', '2016-02-01T00:00:00Z');
    const first = both(driver.snapshot, event).ours;
    expect(both(driver.snapshot, event).ours).toEqual(first);
  });
});
