import { textArrayLiteral } from '../../database/pg-array';
import type { ActorRole, JsonObject, JsonValue } from '../../lifecycle/definition.types';
import type { SqlQuery } from '../sql';
import { isoOf } from '../verify/database-source';
import type { ReplayEventRow } from './replay-events';

export interface StoredEventRow {
  project_id: string;
  version: number;
  type: string;
  payload: JsonObject;
  actor_id: string;
  actor_role: ActorRole;
  occurred_at: Date | string;
  state_after: JsonValue;
  definition_key: string;
  definition_version: number;
}

export const EVENT_COLUMNS = `project_id, version, type, payload, actor_id, actor_role, occurred_at, state_after,
  definition_key, definition_version`;

export function replayRowOf(row: StoredEventRow): ReplayEventRow {
  return {
    version: row.version,
    type: row.type,
    payload: row.payload,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    occurredAt: isoOf(row.occurred_at),
    stateAfter: row.state_after,
  };
}

/** Rows per query when replay reads events: what replay holds of a stream at a time. */
export const EVENT_PAGE = 1000;

/** One project's events, oldest first, a page at a time (keyset on version, one index range each). */
export function projectEvents(
  sql: SqlQuery,
  projectId: string,
  pageSize = EVENT_PAGE,
): AsyncGenerator<StoredEventRow> {
  return pages(
    (after) =>
      sql<StoredEventRow>(
        `select ${EVENT_COLUMNS} from events where project_id = ?::uuid and version > ? order by version limit ?`,
        [projectId, after?.version ?? 0, pageSize],
      ),
    pageSize,
  );
}

/** The events of some streams in stream then version order, a page at a time (keyset on both). */
export function streamsEvents(
  sql: SqlQuery,
  projectIds: readonly string[],
  pageSize = EVENT_PAGE,
): AsyncGenerator<StoredEventRow> {
  return pages(
    (after) =>
      sql<StoredEventRow>(
        `select ${EVENT_COLUMNS} from events
         where project_id = any(?::uuid[]) and (project_id, version) > (?::uuid, ?)
         order by project_id, version limit ?`,
        [textArrayLiteral(projectIds), after?.project_id ?? NO_PROJECT, after?.version ?? 0, pageSize],
      ),
    pageSize,
  );
}

const NO_PROJECT = '00000000-0000-0000-0000-000000000000';

async function* pages(
  page: (after: StoredEventRow | undefined) => Promise<StoredEventRow[]>,
  pageSize: number,
): AsyncGenerator<StoredEventRow> {
  let after: StoredEventRow | undefined;
  for (;;) {
    const rows = await page(after);
    yield* rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1];
  }
}
