import type { Deadline, ReadModel } from '../../src/event-store/event-store.types';
import type { Actor, JsonObject, LifecycleDefinition } from '../../src/lifecycle/definition.types';
import type { StateValueJson, Transitioned } from '../../src/lifecycle/engine.types';
import { initialize } from '../../src/lifecycle/initialize';
import { step } from '../../src/lifecycle/step';
import { readModelOf } from '../../src/projects/read-model';

/** One recorded event of a generated history, with the states the engine computed around it. */
export interface HistoryEvent {
  version: number;
  type: string;
  payload: JsonObject;
  actor: Actor;
  occurredAt: string;
  stateBefore: StateValueJson | null;
  stateAfter: StateValueJson;
}

/** A history run through the real engine; ids, title and enterprise are filled in per replica. */
export interface History {
  data: JsonObject;
  events: HistoryEvent[];
  readModel: ReadModel;
  createdAt: string;
  updatedAt: string;
}

/** A step of a script: an event sent by a role, or `fire` to let a deadline (by delay name) expire. */
export type ScriptStep = { actor: Actor; type: string; payload: JsonObject } | { fire: string };

export const SYSTEM: Actor = { id: 'system', role: 'system' };

/**
 * Runs `initialize` and `step` (the service's own functions) over a script, one event every
 * `everyMs` from `startMs`; a refused step is a bug in the script and throws.
 */
export function buildHistory(
  definition: LifecycleDefinition,
  data: JsonObject,
  creator: Actor,
  script: Iterable<ScriptStep>,
  startMs: number,
  everyMs: number,
): History {
  let at = startMs;
  const createdAt = new Date(at).toISOString();
  const start = initialize(definition, data, creator, createdAt);
  if (!start.ok) throw new Error(`creation refused: ${JSON.stringify(start.refusal)}`);
  let current: Transitioned = start;
  let model = readModelOf(start, [], 1);
  const events: HistoryEvent[] = [
    {
      version: 1,
      type: 'project.created',
      payload: { data },
      actor: creator,
      occurredAt: createdAt,
      stateBefore: null,
      stateAfter: start.value,
    },
  ];
  for (const item of script) {
    at += everyMs;
    const event =
      'fire' in item
        ? timerEvent(model.deadlines, item.fire, at)
        : { ...item, occurredAt: new Date(at).toISOString() };
    at = Date.parse(event.occurredAt);
    const result = step(definition, current.snapshot, event, event.actor, event.occurredAt);
    if (!result.ok) throw new Error(`${event.type} refused: ${JSON.stringify(result.refusal)}`);
    const version = events.length + 1;
    events.push({
      version,
      type: event.type,
      payload: event.payload,
      actor: event.actor,
      occurredAt: event.occurredAt,
      stateBefore: current.value,
      stateAfter: result.value,
    });
    model = readModelOf(result, model.deadlines, version);
    current = result;
  }
  return { data, events, readModel: model, createdAt, updatedAt: new Date(at).toISOString() };
}

/** The armed deadline of that delay fires at its due time (or now, when that has passed). */
function timerEvent(deadlines: Deadline[], delay: string, atMs: number) {
  const deadline = deadlines.find((candidate) => candidate.delay === delay);
  if (!deadline) throw new Error(`no armed ${delay} deadline`);
  const occurredAt = new Date(Math.max(atMs, Date.parse(deadline.dueAt))).toISOString();
  return { type: deadline.eventType, payload: {}, actor: SYSTEM, occurredAt };
}
