import { canonicalJson } from '../../common/canonical-json';
import type { JsonObject, LifecycleDefinition } from '../../lifecycle/definition.types';
import type { SnapshotJson } from '../../lifecycle/engine.types';
import { startReplay, type Replayer } from '../../lifecycle/replayer';
import type { ReplayEventRow, ReplayMismatch } from './replay-events';

export interface ReplayCheck {
  /** Replays one more row and compares its state; false once replay stopped at a refused event. */
  feed(row: ReplayEventRow): boolean;
  /** The snapshot after the last event replayed (null when the creation was refused) and its version. */
  outcome(): { last: SnapshotJson | null; lastVersion: number };
}

/**
 * Starts replaying a stream at its first event (`project.created`, whose payload holds the creation
 * data) through one pinned definition. Each mismatch goes to `onMismatch` as it is found, so a stream
 * of any length is checked holding only the current state.
 */
export function startReplayCheck(
  definition: LifecycleDefinition,
  created: ReplayEventRow,
  onMismatch: (mismatch: ReplayMismatch) => void,
): ReplayCheck {
  const data = (created.payload.data ?? {}) as JsonObject;
  const start = startReplay(definition, {
    data,
    actor: { id: created.actorId, role: created.actorRole },
    at: created.occurredAt,
  });
  if (!start.ok) {
    onMismatch({
      version: created.version,
      check: 'refused',
      expected: created.stateAfter,
      found: start.refusal,
    });
    return { feed: () => false, outcome: () => ({ last: null, lastVersion: 0 }) };
  }
  compare(created, start.value, onMismatch);
  return rowsAfterCreation(start.replayer, created.version, onMismatch);
}

function rowsAfterCreation(
  replayer: Replayer,
  createdVersion: number,
  onMismatch: (mismatch: ReplayMismatch) => void,
): ReplayCheck {
  let lastVersion = createdVersion;
  let stopped = false;
  return {
    feed(row) {
      if (stopped) return false;
      const fed = replayer.feed({
        type: row.type,
        payload: row.payload,
        actor: { id: row.actorId, role: row.actorRole },
        at: row.occurredAt,
      });
      if (!fed.ok) {
        onMismatch({ version: row.version, check: 'refused', expected: row.stateAfter, found: fed.refusal });
        stopped = true;
        return false;
      }
      compare(row, fed.value, onMismatch);
      lastVersion = row.version;
      return true;
    },
    outcome: () => ({ last: replayer.last(), lastVersion }),
  };
}

function compare(row: ReplayEventRow, value: unknown, onMismatch: (mismatch: ReplayMismatch) => void): void {
  if (canonicalJson(value) !== canonicalJson(row.stateAfter))
    onMismatch({ version: row.version, check: 'stateAfter', expected: row.stateAfter, found: value });
}
