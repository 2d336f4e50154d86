/**
 * Names of timer events. XState v5 names the event of `after: { <delay>: ... }` on state node `<id>`
 * `xstate.after.<delay>.<id>` (`createAfterEvent` in xstate's source) and uses that type as the id of the
 * delayed send, so cancelling and firing address the same string. Our timer key is `<id>#<delay>`.
 */
import type { LifecycleMachine } from './machine-builder';

export interface AfterEvent {
  eventType: string;
  stateId: string;
  delay: string;
  key: string;
}

const AFTER_PREFIX = 'xstate.after.';
const cache = new WeakMap<LifecycleMachine, Map<string, AfterEvent>>();

export function afterEventType(delay: string, stateId: string): string {
  return `${AFTER_PREFIX}${delay}.${stateId}`;
}

export function timerKey(stateId: string, delay: string): string {
  return `${stateId}#${delay}`;
}

/** Every timer event the machine can raise, by event type. */
export function afterEvents(machine: LifecycleMachine): Map<string, AfterEvent> {
  const cached = cache.get(machine);
  if (cached) return cached;
  const result = new Map<string, AfterEvent>();
  const queue = [machine.root];
  for (let node = queue.shift(); node; node = queue.shift()) {
    for (const delay of Object.keys(node.config.after ?? {})) {
      const eventType = afterEventType(delay, node.id);
      result.set(eventType, { eventType, stateId: node.id, delay, key: timerKey(node.id, delay) });
    }
    queue.push(...Object.values(node.states));
  }
  cache.set(machine, result);
  return result;
}

export function isAfterEventType(type: string): boolean {
  return type.startsWith(AFTER_PREFIX);
}
