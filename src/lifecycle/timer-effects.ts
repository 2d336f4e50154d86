/**
 * Timer effects of one transition, read from the actions XState's pure `transition()` returns: a delayed
 * `xstate.raise` is a timer armed by a state's entry, an `xstate.cancel` one disarmed by its exit
 * (re-entered states produce both). Deadlines are recomputed from the registry so each carries its
 * derivation; a deadline without base date arms nothing.
 */
import { afterEvents } from './after-events';
import { isJsonObject } from './context-path';
import type { JsonObject, LifecycleDefinition } from './definition.types';
import type { TimerEffects, TimerToArm } from './engine.types';
import { formatInstant, parseInstant } from './instant';
import type { LifecycleMachine } from './machine-builder';
import { DELAYS } from './registry';

interface ExecutableAction {
  type: string;
  params?: unknown;
}

function armed(
  definition: LifecycleDefinition,
  eventType: string,
  context: JsonObject,
  at: string,
  machine: LifecycleMachine,
): TimerToArm | null {
  const after = afterEvents(machine).get(eventType);
  const ref = after ? definition.delays?.[after.delay] : undefined;
  if (!after || !ref || !Object.hasOwn(DELAYS, ref.type)) return null;
  const deadline = DELAYS[ref.type].due(ref.params ?? {}, context, parseInstant(at) ?? 0);
  if (!deadline) return null;
  return { ...after, dueAt: formatInstant(deadline.dueAtMs), derivation: deadline.derivation };
}

/** Timers to cancel (first) and to arm (then) after a transition taken at `at`. */
export function timerEffects(
  definition: LifecycleDefinition,
  machine: LifecycleMachine,
  actions: readonly ExecutableAction[],
  context: JsonObject,
  at: string,
): TimerEffects {
  const effects: TimerEffects = { arm: [], cancel: [] };
  for (const action of actions) {
    const params = isJsonObject(action.params) ? action.params : {};
    if (action.type === 'xstate.cancel' && typeof params.sendId === 'string') {
      const after = afterEvents(machine).get(params.sendId);
      if (after) effects.cancel.push(after.key);
    }
    if (action.type === 'xstate.raise' && typeof params.delay === 'number' && typeof params.id === 'string') {
      const timer = armed(definition, params.id, context, at, machine);
      if (timer) effects.arm.push(timer);
    }
  }
  return effects;
}
