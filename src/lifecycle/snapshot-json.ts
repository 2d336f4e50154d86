/** Conversion of XState snapshots to the plain JSON that is stored, and the check of stored JSON. */
import { isJsonObject } from './context-path';
import type { SnapshotJson } from './engine.types';
import type { LifecycleMachine } from './machine-builder';

type MachineSnapshot = Parameters<LifecycleMachine['getPersistedSnapshot']>[0];

const STATUSES = new Set(['active', 'done', 'error', 'stopped']);

/** Whether `value` has the shape of a persisted snapshot. */
export function isSnapshotJson(value: unknown): value is SnapshotJson {
  return (
    isJsonObject(value) &&
    typeof value.status === 'string' &&
    STATUSES.has(value.status) &&
    (typeof value.value === 'string' || isJsonObject(value.value)) &&
    isJsonObject(value.context) &&
    isJsonObject(value.historyValue) &&
    isJsonObject(value.children)
  );
}

/** The persisted snapshot as plain JSON (a JSON round trip drops anything that is not data). */
export function toSnapshotJson(machine: LifecycleMachine, snapshot: MachineSnapshot): SnapshotJson {
  const json: unknown = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot)));
  if (!isSnapshotJson(json)) throw new TypeError('XState produced a snapshot that is not plain JSON');
  return json;
}
