import { initialTransition, transition } from 'xstate';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import { createMachine } from '../../src/lifecycle/machine-factory';
import type { History } from '../engine/history';

/**
 * The replay ceiling: XState's pure `initialTransition()`/`transition()` over the same events and the
 * same machine, keeping XState's own snapshot object; no validation, no JSON, no hashing.
 */
export function bareLoop(definition: LifecycleDefinition, history: History): unknown {
  const machine = createMachine(definition);
  const [created, ...rest] = history.events;
  let [snapshot] = initialTransition(machine, {
    data: structuredClone(history.data),
    actor: created.actor,
    at: created.occurredAt,
  });
  for (const event of rest) {
    [snapshot] = transition(machine, snapshot, {
      type: event.type,
      payload: event.payload,
      actor: event.actor,
      at: event.occurredAt,
    });
  }
  return snapshot.value;
}
