import { textArrayLiteral } from '../../database/pg-array';
import type { JsonValue, LifecycleDefinition } from '../../lifecycle/definition.types';
import type { SnapshotJson } from '../../lifecycle/engine.types';
import type { SqlQuery } from '../sql';
import { EVENT_COLUMNS, replayRowOf, type StoredEventRow } from './event-rows';
import { readModelMismatches, replayEvents, type ReplayMismatch } from './replay-events';

const PROJECT_BATCH = 500;

export interface ProjectMismatch extends ReplayMismatch {
  projectId: string;
}

interface ProjectRow {
  version: number;
  state_value: JsonValue;
  context: JsonValue;
}

/**
 * Re-executes every stream through its pinned definition, a batch of streams at a time, and reports
 * each mismatch with the recorded states and the read model: the determinism check. Streams are the
 * distinct project ids of the events, so one whose read-model row is gone is still replayed (and
 * reported); a read-model row without events is reported at the end.
 */
export async function replayAll(
  sql: SqlQuery,
  onMismatch: (mismatch: ProjectMismatch) => void,
  onProgress: (projects: number) => void,
): Promise<{ projects: number; events: number; mismatches: number }> {
  const definitions = new Map<string, LifecycleDefinition>();
  const totals = { projects: 0, events: 0, mismatches: 0 };
  const report = (projectId: string, found: ReplayMismatch[]) => {
    for (const mismatch of found) onMismatch({ projectId, ...mismatch });
    totals.mismatches += found.length;
  };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await streamIdsAfter(sql, after);
    if (ids.length === 0) break;
    const events = await sql<StoredEventRow>(
      `select ${EVENT_COLUMNS} from events where project_id = any(?::uuid[]) order by project_id, version`,
      [textArrayLiteral(ids)],
    );
    const rows = await sql<ProjectRow & { id: string }>(
      'select id, version, state_value, context from projects where id = any(?::uuid[])',
      [textArrayLiteral(ids)],
    );
    const readModels = new Map(rows.map((row) => [row.id, row]));
    for (const [id, stream] of groupByProject(events)) {
      report(id, await replayOne(sql, definitions, readModels.get(id) ?? null, stream));
      totals.projects++;
      totals.events += stream.length;
    }
    onProgress(totals.projects);
    after = ids[ids.length - 1];
  }
  for (const id of await readModelsWithoutEvents(sql))
    report(id, [{ version: 1, check: 'stateAfter', expected: 'events', found: null }]);
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

function groupByProject(events: StoredEventRow[]): Map<string, StoredEventRow[]> {
  const byProject = new Map<string, StoredEventRow[]>();
  for (const event of events) {
    const list = byProject.get(event.project_id);
    if (list) list.push(event);
    else byProject.set(event.project_id, [event]);
  }
  return byProject;
}

function readModelsWithoutEvents(sql: SqlQuery): Promise<string[]> {
  return sql<{ id: string }>(
    `select id from projects p where not exists (select 1 from events e where e.project_id = p.id) order by id`,
    [],
  ).then((rows) => rows.map((row) => row.id));
}

async function replayOne(
  sql: SqlQuery,
  definitions: Map<string, LifecycleDefinition>,
  project: ProjectRow | null,
  events: StoredEventRow[],
): Promise<ReplayMismatch[]> {
  const definition = await definitionOf(
    sql,
    definitions,
    events[0].definition_key,
    events[0].definition_version,
  );
  const outcome = replayEvents(definition, events.map(replayRowOf));
  const last = events[events.length - 1].version;
  if (!outcome.last || outcome.lastVersion !== last) return outcome.mismatches;
  return [...outcome.mismatches, ...readModelCheck(last, outcome.last, project)];
}

/** The read model after the last event: there, at that version, with the state and context rebuilt. */
function readModelCheck(last: number, rebuilt: SnapshotJson, project: ProjectRow | null): ReplayMismatch[] {
  if (!project) return [{ version: last, check: 'readModel.row', expected: 'projects row', found: null }];
  if (project.version !== last)
    return [{ version: project.version, check: 'readModel.state', expected: project.version, found: last }];
  return readModelMismatches(last, rebuilt, { state: project.state_value, context: project.context });
}

async function definitionOf(
  sql: SqlQuery,
  cache: Map<string, LifecycleDefinition>,
  key: string,
  version: number,
): Promise<LifecycleDefinition> {
  const cached = cache.get(`${key}@${version}`);
  if (cached) return cached;
  const [row] = await sql<{ body: LifecycleDefinition }>(
    'select body from definition_versions where key = ? and version = ?',
    [key, version],
  );
  if (!row) throw new Error(`definition ${key}@${version} is not in the database`);
  cache.set(`${key}@${version}`, row.body);
  return row.body;
}
