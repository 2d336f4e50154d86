import { initialize } from '../lifecycle/initialize';
import { step } from '../lifecycle/step';
import type { Actor, JsonObject, LifecycleDefinition } from '../lifecycle/definition.types';
import type { Refusal } from '../lifecycle/engine.types';
import type { ReadModel } from '../event-store/event-store.types';
import { PROJECT_CREATED } from './creation-event';
import { readModelOf } from './read-model';

/** An event row as the fold needs it. */
export interface StoredEvent {
  version: number;
  type: string;
  payload: JsonObject;
  actor: Actor;
  occurredAt: string;
}

export type FoldResult =
  { ok: true; readModel: ReadModel; version: number } | { ok: false; version: number; refusal: Refusal };

/**
 * The read model a stream implies: the creation event initializes, every later event steps, with
 * the times and actors recorded in the events. The same function the write path applies one step at
 * a time, so a rebuild equals what was stored.
 */
export function foldReadModel(definition: LifecycleDefinition, events: readonly StoredEvent[]): FoldResult {
  const [created, ...rest] = events;
  if (!created || created.type !== PROJECT_CREATED || created.version !== 1) {
    return {
      ok: false,
      version: created?.version ?? 0,
      refusal: { kind: 'unknown_event', type: created?.type ?? 'none' },
    };
  }
  const start = initialize(definition, created.payload.data, created.actor, created.occurredAt);
  if (!start.ok) return { ok: false, version: 1, refusal: start.refusal };
  let model = readModelOf(start, [], 1);
  for (const event of rest) {
    const result = step(
      definition,
      model.snapshot,
      { type: event.type, payload: event.payload },
      event.actor,
      event.occurredAt,
    );
    if (!result.ok) return { ok: false, version: event.version, refusal: result.refusal };
    model = readModelOf(result, model.deadlines, event.version);
  }
  return { ok: true, readModel: model, version: events.length };
}
