import { ProblemException } from '../../common/problem';
import type { LifecycleDefinition } from '../../lifecycle/definition.types';
import type { SnapshotJson } from '../../lifecycle/engine.types';
import type { SqlQuery } from '../sql';
import { projectEvents, replayRowOf } from './event-rows';
import { refuseOutside, withinBound, type ReplayBound } from './replay-bounds';
import { startReplayCheck } from './replay-check';
import type { ReplayMismatch } from './replay-events';

export interface StreamReplay {
  definition: { key: string; version: number };
  /** The last event inside the bound: the version and time the answer reports. */
  lastRow: { version: number; occurredAt: string };
  /** The snapshot after the last event replayed; null when the creation was refused. */
  last: SnapshotJson | null;
  /** Whether the bound reaches the stream's last event, where the read model can be compared. */
  atEnd: boolean;
}

export interface StreamReplayOptions {
  definitionOf: (key: string, version: number) => Promise<LifecycleDefinition>;
  onMismatch: (mismatch: ReplayMismatch) => void;
  pageSize?: number;
}

/**
 * Replays one project's events up to the bound, a page at a time, comparing each rebuilt state as it
 * goes: memory holds one page and the current state, whatever the length of the stream. A bound
 * outside the stream is refused before anything is replayed.
 */
export async function replayStream(
  sql: SqlQuery,
  projectId: string,
  bound: ReplayBound,
  options: StreamReplayOptions,
): Promise<StreamReplay> {
  const lastVersion = await lastVersionOf(sql, projectId);
  const events = projectEvents(sql, projectId, options.pageSize);
  const first = await events.next();
  if (first.done) {
    refuseOutside(bound, undefined, 0);
    // The read model says the project exists, its stream says nothing happened: there is nothing to rebuild.
    throw ProblemException.conflict(
      'stream-missing',
      `Project ${projectId} has no events: its stream is missing. GET /api/audit/verify?project=${projectId} locates the break.`,
    );
  }
  const created = replayRowOf(first.value);
  refuseOutside(bound, created, lastVersion);
  const definition = { key: first.value.definition_key, version: first.value.definition_version };
  const pinned = await options.definitionOf(definition.key, definition.version);
  const check = startReplayCheck(pinned, created, options.onMismatch);
  let lastRow = created;
  let replaying = true;
  for await (const stored of events) {
    const row = replayRowOf(stored);
    if (!withinBound(bound, row)) break;
    // Past a refused event the rest of the bound is only read: the answer names its last version.
    if (replaying) replaying = check.feed(row);
    lastRow = row;
  }
  return { definition, lastRow, last: check.outcome().last, atEnd: lastRow.version === lastVersion };
}

async function lastVersionOf(sql: SqlQuery, projectId: string): Promise<number> {
  const [row] = await sql<{ last: number | null }>(
    'select max(version)::int as last from events where project_id = ?::uuid',
    [projectId],
  );
  return row?.last ?? 0;
}
