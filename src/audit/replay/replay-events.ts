import { canonicalJson } from '../../common/canonical-json';
import type { ActorRole, JsonObject, JsonValue, LifecycleDefinition } from '../../lifecycle/definition.types';
import type { Refusal, SnapshotJson } from '../../lifecycle/engine.types';
import { replayStates } from '../../lifecycle/replay';

/** An event row as replay needs it: the recorded facts only, never the clock or the read model. */
export interface ReplayEventRow {
  version: number;
  type: string;
  payload: JsonObject;
  actorId: string;
  actorRole: ActorRole;
  occurredAt: string;
  stateAfter: JsonValue;
}

export interface ReplayMismatch {
  version: number;
  check: 'stateAfter' | 'refused' | 'readModel.row' | 'readModel.state' | 'readModel.context';
  expected: unknown;
  found: unknown;
}

export interface ReplayOutcome {
  /** The snapshot after the last event replayed; null when even the creation was refused. */
  last: SnapshotJson | null;
  lastVersion: number;
  mismatches: ReplayMismatch[];
}

/**
 * Replays a stream from its first event (`project.created`, whose payload holds the creation data)
 * through one pinned definition and compares each rebuilt state with the state_after recorded.
 */
export function replayEvents(
  definition: LifecycleDefinition,
  rows: readonly ReplayEventRow[],
): ReplayOutcome {
  const [created, ...rest] = rows;
  const data = (created.payload.data ?? {}) as JsonObject;
  const result = replayStates(
    definition,
    { data, actor: { id: created.actorId, role: created.actorRole }, at: created.occurredAt },
    rest.map((row) => ({
      type: row.type,
      payload: row.payload,
      actor: { id: row.actorId, role: row.actorRole },
      at: row.occurredAt,
    })),
  );
  const mismatches: ReplayMismatch[] = [];
  result.values.forEach((value, index) => {
    const row = rows[index];
    if (canonicalJson(value) !== canonicalJson(row.stateAfter))
      mismatches.push({ version: row.version, check: 'stateAfter', expected: row.stateAfter, found: value });
  });
  if (!result.ok) {
    const row = rows[result.index + 1];
    mismatches.push({
      version: row.version,
      check: 'refused',
      expected: row.stateAfter,
      found: result.refusal as Refusal,
    });
  }
  return { last: result.last, lastVersion: rows[result.values.length - 1]?.version ?? 0, mismatches };
}

/** The read model after the last event must be what replay rebuilt. */
export function readModelMismatches(
  version: number,
  rebuilt: SnapshotJson,
  stored: { state: JsonValue; context: JsonValue },
): ReplayMismatch[] {
  const mismatches: ReplayMismatch[] = [];
  if (canonicalJson(rebuilt.value) !== canonicalJson(stored.state))
    mismatches.push({ version, check: 'readModel.state', expected: stored.state, found: rebuilt.value });
  if (canonicalJson(rebuilt.context) !== canonicalJson(stored.context))
    mismatches.push({
      version,
      check: 'readModel.context',
      expected: stored.context,
      found: rebuilt.context,
    });
  return mismatches;
}
