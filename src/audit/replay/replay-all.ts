import { textArrayLiteral } from '../../database/pg-array';
import type { JsonValue, LifecycleDefinition } from '../../lifecycle/definition.types';
import type { SqlQuery } from '../sql';
import { EVENT_COLUMNS, replayRowOf, type StoredEventRow } from './event-rows';
import { readModelMismatches, replayEvents, type ReplayMismatch } from './replay-events';

const PROJECT_BATCH = 500;

export interface ProjectMismatch extends ReplayMismatch {
  projectId: string;
}

interface ProjectRow {
  id: string;
  version: number;
  state_value: JsonValue;
  context: JsonValue;
}

/**
 * Re-executes every stream through its pinned definition, a batch of projects at a time, and reports
 * each mismatch with the recorded states and the read model: the determinism check.
 */
export async function replayAll(
  sql: SqlQuery,
  onMismatch: (mismatch: ProjectMismatch) => void,
  onProgress: (projects: number) => void,
): Promise<{ projects: number; events: number; mismatches: number }> {
  const definitions = new Map<string, LifecycleDefinition>();
  const totals = { projects: 0, events: 0, mismatches: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const projects = await sql<ProjectRow>(
      'select id, version, state_value, context from projects where id > ?::uuid order by id limit ?',
      [after, PROJECT_BATCH],
    );
    if (projects.length === 0) return totals;
    const events = await sql<StoredEventRow>(
      `select ${EVENT_COLUMNS} from events where project_id = any(?::uuid[]) order by project_id, version`,
      [textArrayLiteral(projects.map((project) => project.id))],
    );
    const byProject = new Map<string, StoredEventRow[]>();
    for (const event of events) {
      const list = byProject.get(event.project_id);
      if (list) list.push(event);
      else byProject.set(event.project_id, [event]);
    }
    for (const project of projects) {
      const found = await replayOne(sql, definitions, project, byProject.get(project.id) ?? []);
      for (const mismatch of found) onMismatch({ projectId: project.id, ...mismatch });
      totals.projects++;
      totals.events += byProject.get(project.id)?.length ?? 0;
      totals.mismatches += found.length;
    }
    onProgress(totals.projects);
    after = projects[projects.length - 1].id;
  }
}

async function replayOne(
  sql: SqlQuery,
  definitions: Map<string, LifecycleDefinition>,
  project: ProjectRow,
  events: StoredEventRow[],
): Promise<ReplayMismatch[]> {
  if (events.length === 0) return [{ version: 1, check: 'stateAfter', expected: 'events', found: null }];
  const definition = await definitionOf(
    sql,
    definitions,
    events[0].definition_key,
    events[0].definition_version,
  );
  const outcome = replayEvents(definition, events.map(replayRowOf));
  const last = events[events.length - 1].version;
  if (!outcome.last || outcome.lastVersion !== last) return outcome.mismatches;
  const readModel =
    project.version === last
      ? readModelMismatches(last, outcome.last, { state: project.state_value, context: project.context })
      : [
          {
            version: project.version,
            check: 'readModel.state' as const,
            expected: project.version,
            found: last,
          },
        ];
  return [...outcome.mismatches, ...readModel];
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
