import { textArrayLiteral } from '../../database/pg-array';
import type { JsonValue, LifecycleDefinition } from '../../lifecycle/definition.types';
import type { SnapshotJson } from '../../lifecycle/engine.types';
import type { SqlQuery } from '../sql';
import { replayRowOf, streamsEvents, type StoredEventRow } from './event-rows';
import type { ProjectMismatch } from './replay-all';
import { startReplayCheck, type ReplayCheck } from './replay-check';
import { readModelMismatches, type ReplayMismatch } from './replay-events';

export interface BatchContext {
  sql: SqlQuery;
  /** Pinned definitions by `key@version`, kept across batches. */
  definitions: Map<string, LifecycleDefinition>;
  report: (mismatch: ProjectMismatch) => void;
  pageSize: number;
}

interface ProjectRow {
  version: number;
  state_value: JsonValue;
  context: JsonValue;
}

/** The stream being replayed: pages run across streams, so one ends where the next one begins. */
interface OpenStream {
  projectId: string;
  check: ReplayCheck;
  replaying: boolean;
  events: number;
  lastVersion: number;
}

/** Replays a batch of streams, in id order, then compares each with its read-model row. */
export async function replayBatch(
  context: BatchContext,
  ids: readonly string[],
): Promise<{ projects: number; events: number }> {
  const readModels = await readModelsOf(context.sql, ids);
  const counted = { projects: 0, events: 0 };
  const close = (stream: OpenStream) => {
    checkReadModel(stream, readModels.get(stream.projectId) ?? null, context.report);
    counted.projects++;
    counted.events += stream.events;
  };
  let open: OpenStream | null = null;
  for await (const stored of streamsEvents(context.sql, ids, context.pageSize)) {
    if (open?.projectId === stored.project_id) {
      advance(open, stored);
      continue;
    }
    if (open) close(open);
    open = await opened(context, stored);
  }
  if (open) close(open);
  return counted;
}

async function opened(context: BatchContext, created: StoredEventRow): Promise<OpenStream> {
  const projectId = created.project_id;
  const definition = await definitionOf(context, created.definition_key, created.definition_version);
  const check = startReplayCheck(definition, replayRowOf(created), (mismatch) =>
    context.report({ projectId, ...mismatch }),
  );
  return { projectId, check, replaying: true, events: 1, lastVersion: created.version };
}

/** Past a refused event the stream is only counted, as its events are still part of it. */
function advance(stream: OpenStream, stored: StoredEventRow): void {
  stream.events++;
  stream.lastVersion = stored.version;
  if (stream.replaying) stream.replaying = stream.check.feed(replayRowOf(stored));
}

/** Only a stream replayed to its last event can be compared with the read model. */
function checkReadModel(
  stream: OpenStream,
  project: ProjectRow | null,
  report: (mismatch: ProjectMismatch) => void,
): void {
  const outcome = stream.check.outcome();
  if (!outcome.last || outcome.lastVersion !== stream.lastVersion) return;
  for (const mismatch of readModelCheck(stream.lastVersion, outcome.last, project))
    report({ projectId: stream.projectId, ...mismatch });
}

/** The read model after the last event: there, at that version, with the state and context rebuilt. */
function readModelCheck(last: number, rebuilt: SnapshotJson, project: ProjectRow | null): ReplayMismatch[] {
  if (!project) return [{ version: last, check: 'readModel.row', expected: 'projects row', found: null }];
  if (project.version !== last)
    return [{ version: project.version, check: 'readModel.state', expected: project.version, found: last }];
  return readModelMismatches(last, rebuilt, { state: project.state_value, context: project.context });
}

async function readModelsOf(sql: SqlQuery, ids: readonly string[]): Promise<Map<string, ProjectRow>> {
  const rows = await sql<ProjectRow & { id: string }>(
    'select id, version, state_value, context from projects where id = any(?::uuid[])',
    [textArrayLiteral(ids)],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

async function definitionOf(
  context: BatchContext,
  key: string,
  version: number,
): Promise<LifecycleDefinition> {
  const cached = context.definitions.get(`${key}@${version}`);
  if (cached) return cached;
  const [row] = await context.sql<{ body: LifecycleDefinition }>(
    'select body from definition_versions where key = ? and version = ?',
    [key, version],
  );
  if (!row) throw new Error(`definition ${key}@${version} is not in the database`);
  context.definitions.set(`${key}@${version}`, row.body);
  return row.body;
}
