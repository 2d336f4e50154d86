import { canonicalJson } from '../../common/canonical-json';
import type { ActorRole, JsonObject, JsonValue, LifecycleDefinition } from '../../lifecycle/definition.types';
import type { SnapshotJson } from '../../lifecycle/engine.types';
import { startReplayCheck } from './replay-check';

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
 * Replays rows already in memory (the bench, and anything small) through the same check the paged
 * replay uses, keeping every mismatch; stops at the first refused event.
 */
export function replayEvents(
  definition: LifecycleDefinition,
  rows: readonly ReplayEventRow[],
): ReplayOutcome {
  const mismatches: ReplayMismatch[] = [];
  const check = startReplayCheck(definition, rows[0], (mismatch) => mismatches.push(mismatch));
  for (const row of rows.slice(1)) if (!check.feed(row)) break;
  return { ...check.outcome(), mismatches };
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
