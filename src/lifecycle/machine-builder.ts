/**
 * Builds the XState machine of a lifecycle definition: the JSON config as is, with named guards, actions
 * and delays resolved from the registry through `setup()`. Building does not validate (see
 * machine-factory.ts for the validating, caching entry point).
 */
import { assign, setup } from 'xstate';
import { isJsonObject } from './context-path';
import type { Actor, JsonObject, LifecycleDefinition } from './definition.types';
import type { LifecycleEvent, LifecycleInput } from './engine.types';
import { parseInstant } from './instant';
import { ACTIONS, DELAYS, GUARDS } from './registry';

/** XState treats a non-number delay as "now"; a deadline without base date must instead never fire. */
export const NEVER_MS = 2 ** 31 - 1;

const SYSTEM_ACTOR = { id: 'system', role: 'system' } as const;

function isActor(value: unknown): value is Actor {
  return isJsonObject(value) && typeof value.id === 'string' && typeof value.role === 'string';
}

/**
 * XState's init event carries our input instead of an event; give actions one shape for both.
 */
export function asLifecycleEvent(event: LifecycleEvent): LifecycleEvent {
  if (typeof event.at === 'string' && isJsonObject(event.payload)) return event;
  const input: unknown = Reflect.get(event, 'input');
  const at = isJsonObject(input) && typeof input.at === 'string' ? input.at : '';
  const actor = isJsonObject(input) && isActor(input.actor) ? input.actor : SYSTEM_ACTOR;
  return { type: event.type, payload: {}, actor, at };
}

/** The context of a new instance: the definition's context, the creation data and empty flags. */
export function initialContext(definition: LifecycleDefinition, input: LifecycleInput): JsonObject {
  const base: JsonObject = structuredClone(definition.machine.context ?? {});
  const flags = isJsonObject(base.flags) ? base.flags : {};
  return { ...base, data: input.data, flags };
}

function implementations(definition: LifecycleDefinition) {
  type Args = { context: JsonObject; event: LifecycleEvent };
  const guards = Object.fromEntries(
    Object.entries(GUARDS).map(([name, entry]) => [
      name,
      ({ context, event }: Args, params: JsonObject | undefined) =>
        entry.test(context, asLifecycleEvent(event), params ?? {}),
    ]),
  );
  const actions = Object.fromEntries(
    Object.entries(ACTIONS).map(([name, entry]) => [
      name,
      assign<JsonObject, LifecycleEvent, JsonObject | undefined, LifecycleEvent, never>(
        ({ context, event }: Args, params: JsonObject | undefined) =>
          entry.apply(context, asLifecycleEvent(event), params ?? {}, definition),
      ),
    ]),
  );
  const delays = Object.fromEntries(
    Object.entries(definition.delays ?? {}).map(([name, ref]) => [
      name,
      ({ context, event }: Args) => {
        const enteredAtMs = parseInstant(asLifecycleEvent(event).at) ?? 0;
        const deadline = Object.hasOwn(DELAYS, ref.type)
          ? DELAYS[ref.type].due(ref.params ?? {}, context, enteredAtMs)
          : null;
        return deadline === null ? NEVER_MS : Math.max(0, deadline.dueAtMs - enteredAtMs);
      },
    ]),
  );
  return { guards, actions, delays };
}

/** Builds without validating; for validation itself and for definitions already validated. */
export function buildMachine(definition: LifecycleDefinition) {
  const machineSetup = setup({
    types: {} as { context: JsonObject; events: LifecycleEvent; input: LifecycleInput },
    ...implementations(definition),
  });
  const config = {
    ...definition.machine,
    context: ({ input }: { input: LifecycleInput }) => initialContext(definition, input),
  };
  // The JSON config is checked by validateDefinition; XState's config type cannot express "from JSON".
  return machineSetup.createMachine(config as unknown as Parameters<typeof machineSetup.createMachine>[0]);
}

export type LifecycleMachine = ReturnType<typeof buildMachine>;
