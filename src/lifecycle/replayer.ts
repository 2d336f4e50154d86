/**
 * The incremental replayer: one recorded event at a time, carrying XState's own snapshot between
 * events, so a caller can replay a stream of any length while holding only the current state.
 */
import type { Actor, JsonObject, LifecycleDefinition } from './definition.types';
import type { RecordedEvent, Refusal, SnapshotJson, StateValueJson } from './engine.types';
import { initialize } from './initialize';
import { createMachine } from './machine-factory';
import { toSnapshotJson } from './snapshot-json';
import { decide } from './step';

export interface ReplayInput {
  data: JsonObject;
  actor: Actor;
  at: string;
}

/** The state value after an event, or why it was refused (the state is then unchanged). */
export type Fed = { ok: true; value: StateValueJson } | { ok: false; refusal: Refusal };

export interface Replayer {
  /** Decides `event` with every check `step()` makes; a refused event leaves the state as it was. */
  feed(event: RecordedEvent): Fed;
  /** The current state as the JSON snapshot that is stored. */
  last(): SnapshotJson;
}

export type ReplayStart =
  { ok: true; value: StateValueJson; replayer: Replayer } | { ok: false; refusal: Refusal };

/** Starts from the creation input; refuses like `initialize()` when the creation data does not fit. */
export function startReplay(definition: LifecycleDefinition, input: ReplayInput): ReplayStart {
  const start = initialize(definition, input.data, input.actor, input.at);
  if (!start.ok) return { ok: false, refusal: start.refusal };
  const machine = createMachine(definition);
  let current = machine.resolveState({ value: start.value, context: start.context });
  const replayer: Replayer = {
    feed(event) {
      const decision = decide(definition, current, event, event.actor, event.at);
      if (!decision.ok) return { ok: false, refusal: decision.refusal };
      current = decision.next;
      return { ok: true, value: plainValue(current.value) };
    },
    last: () => toSnapshotJson(machine, current),
  };
  return { ok: true, value: start.value, replayer };
}

function plainValue(value: unknown): StateValueJson {
  return typeof value === 'string' ? value : (JSON.parse(JSON.stringify(value)) as StateValueJson);
}
