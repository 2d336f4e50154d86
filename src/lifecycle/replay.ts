/**
 * `replay()`: rebuilds an instance from its creation input and recorded events by folding `initialize`
 * and `step`. Every time and actor comes from the record, so the result is the stored state, bit for bit.
 */
import type { LifecycleDefinition } from './definition.types';
import type { RecordedEvent, Refusal, SnapshotJson, StateValueJson } from './engine.types';
import { initialize } from './initialize';
import { startReplay, type ReplayInput } from './replayer';
import { step } from './step';

export type { ReplayInput };

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

/** `values[0]` is the initial state value, `values[i + 1]` the one after `events[i]`. */
export type StatesResult =
  | { ok: true; values: StateValueJson[]; last: SnapshotJson }
  | { ok: false; values: StateValueJson[]; index: number; refusal: Refusal; last: SnapshotJson | null };

/**
 * Replays like `replay()`, with every check, but through the incremental replayer, which carries
 * XState's own snapshot from one event to the next and turns only the last one into JSON: the
 * auditor's check, which compares the state value after each event and the whole state after the last.
 */
export function replayStates(
  definition: LifecycleDefinition,
  input: ReplayInput,
  events: readonly RecordedEvent[],
): StatesResult {
  const start = startReplay(definition, input);
  if (!start.ok) return { ok: false, values: [], index: -1, refusal: start.refusal, last: null };
  const { replayer } = start;
  const values: StateValueJson[] = [start.value];
  for (const [index, event] of events.entries()) {
    const fed = replayer.feed(event);
    if (!fed.ok) return { ok: false, values, index, refusal: fed.refusal, last: replayer.last() };
    values.push(fed.value);
  }
  return { ok: true, values, last: replayer.last() };
}
