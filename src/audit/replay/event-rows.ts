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

/** One project's events, oldest first; a stream is bounded by what one project ever records. */
export function loadProjectEvents(sql: SqlQuery, projectId: string): Promise<StoredEventRow[]> {
  return sql<StoredEventRow>(
    `select ${EVENT_COLUMNS} from events where project_id = ?::uuid order by version`,
    [projectId],
  );
}
