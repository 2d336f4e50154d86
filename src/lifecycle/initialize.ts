/**
 * `initialize()`: the first snapshot of a lifecycle instance from its creation data, and the timers its
 * initial states arm. Pure, like `step()`: `now` is recorded as the time of creation.
 */
import { initialTransition } from 'xstate';
import { isJsonObject } from './context-path';
import type { Actor, LifecycleDefinition } from './definition.types';
import type { StepResult } from './engine.types';
import { isIsoInstant } from './instant';
import { createMachine } from './machine-factory';
import { validateData } from './payload-validator';
import { toSnapshotJson } from './snapshot-json';
import { timerEffects } from './timer-effects';

const NOT_OBJECT = { path: '/data', message: 'must be an object' };

/** The XState type of the initial event; refusals of creation data carry it. */
export const INIT_EVENT = 'xstate.init';

/** Starts an instance; refuses with payload_invalid (paths under `/data`) when the data does not fit. */
export function initialize(
  definition: LifecycleDefinition,
  data: unknown,
  actor: Actor,
  now: string,
): StepResult {
  if (!isIsoInstant(now)) throw new RangeError(`now must be an ISO-8601 instant with offset, got "${now}"`);
  const machine = createMachine(definition);
  const errors = validateData(definition, data);
  if (errors.length > 0 || !isJsonObject(data)) {
    const refusal = {
      kind: 'payload_invalid',
      type: INIT_EVENT,
      errors: errors.length > 0 ? errors : [NOT_OBJECT],
    } as const;
    return { ok: false, refusal };
  }
  const input = { data: structuredClone(data), actor, at: now };
  const [snapshot, actions] = initialTransition(machine, input);
  const json = toSnapshotJson(machine, snapshot);
  const effects = timerEffects(definition, machine, actions, json.context, now);
  return {
    ok: true,
    snapshot: json,
    value: json.value,
    context: json.context,
    done: json.status === 'done',
    effects,
  };
}
