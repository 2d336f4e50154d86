import type { SqlQuery } from '../sql';
import { EVENT_PAGE } from './event-rows';
import type { ReplayMismatch } from './replay-events';
import { replayBatch, type BatchContext } from './replay-batch';

const PROJECT_BATCH = 500;

export interface ProjectMismatch extends ReplayMismatch {
  projectId: string;
}

/**
 * Re-executes every stream through its pinned definition, a batch of streams at a time, and reports
 * each mismatch with the recorded states and the read model: the determinism check. Streams are the
 * distinct project ids of the events, so one whose read-model row is gone is still replayed (and
 * reported); a read-model row without events is reported at the end. Events are read a page at a
 * time across the batch's streams and mismatches reported as found, so memory holds one page, the
 * batch's read-model rows and one stream's state, whatever the length of the streams.
 */
export async function replayAll(
  sql: SqlQuery,
  onMismatch: (mismatch: ProjectMismatch) => void,
  onProgress: (projects: number) => void,
  pageSize = EVENT_PAGE,
): Promise<{ projects: number; events: number; mismatches: number }> {
  const totals = { projects: 0, events: 0, mismatches: 0 };
  const report = (mismatch: ProjectMismatch) => {
    onMismatch(mismatch);
    totals.mismatches++;
  };
  const context: BatchContext = { sql, definitions: new Map(), report, pageSize };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await streamIdsAfter(sql, after);
    if (ids.length === 0) break;
    const counted = await replayBatch(context, ids);
    totals.projects += counted.projects;
    totals.events += counted.events;
    onProgress(totals.projects);
    after = ids[ids.length - 1];
  }
  for (const projectId of await readModelsWithoutEvents(sql))
    report({ projectId, version: 1, check: 'stateAfter', expected: 'events', found: null });
  return totals;
}

/** The next batch of stream ids in order: one index-ordered walk of the events' primary key. */
async function streamIdsAfter(sql: SqlQuery, after: string): Promise<string[]> {
  const rows = await sql<{ project_id: string }>(
    `select distinct project_id from events where project_id > ?::uuid order by project_id limit ?`,
    [after, PROJECT_BATCH],
  );
  return rows.map((row) => row.project_id);
}

function readModelsWithoutEvents(sql: SqlQuery): Promise<string[]> {
  return sql<{ id: string }>(
    `select id from projects p where not exists (select 1 from events e where e.project_id = p.id) order by id`,
    [],
  ).then((rows) => rows.map((row) => row.id));
}
