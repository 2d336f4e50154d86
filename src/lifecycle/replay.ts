/**
 * `replay()`: rebuilds an instance from its creation input and recorded events by folding `initialize`
 * and `step`. Every time and actor comes from the record, so the result is the stored state, bit for bit.
 */
import type { Actor, JsonObject, LifecycleDefinition } from './definition.types';
import type { RecordedEvent, Refusal, SnapshotJson } from './engine.types';
import { initialize } from './initialize';
import { step } from './step';

export interface ReplayInput {
  data: JsonObject;
  actor: Actor;
  at: string;
}

/** `snapshots[0]` is the initial snapshot, `snapshots[i + 1]` the one after `events[i]`. */
export type ReplayResult =
  | { ok: true; snapshots: SnapshotJson[]; last: SnapshotJson }
  | { ok: false; snapshots: SnapshotJson[]; index: number; refusal: Refusal };

/** Replays; stops at the first refused event (`index` -1 when the creation data itself is refused). */
export function replay(
  definition: LifecycleDefinition,
  input: ReplayInput,
  events: readonly RecordedEvent[],
): ReplayResult {
  const start = initialize(definition, input.data, input.actor, input.at);
  if (!start.ok) return { ok: false, snapshots: [], index: -1, refusal: start.refusal };
  const snapshots = [start.snapshot];
  for (const [index, event] of events.entries()) {
    const result = step(definition, snapshots[snapshots.length - 1], event, event.actor, event.at);
    if (!result.ok) return { ok: false, snapshots, index, refusal: result.refusal };
    snapshots.push(result.snapshot);
  }
  return { ok: true, snapshots, last: snapshots[snapshots.length - 1] };
}
