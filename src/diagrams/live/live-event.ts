/** Where appended events are announced between instances (PostgreSQL LISTEN/NOTIFY). */
export const EVENTS_CHANNEL = 'waypost_events';

/** What a stream client receives for each appended event; small enough for a NOTIFY payload (< 8000 bytes). */
export interface LiveEvent {
  /** The stream position, also the SSE `id`: see stream-cursor.ts. */
  cursor: string;
  projectId: string;
  enterpriseId: string;
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  definition: { key: string; version: number };
  /** Omitted when unusually large; GET /api/projects/{id} has it. */
  stateAfter: unknown;
}

/**
 * The JSON of one event row as a LiveEvent, built in SQL so NOTIFY and the catch-up read agree.
 * Needs `e` (events) and `p` (projects) in scope.
 */
export const LIVE_EVENT_JSON = `json_build_object(
  'cursor', (extract(epoch from e.recorded_at) * 1000000)::bigint::text || '.' || e.project_id || '.' || e.version,
  'projectId', e.project_id, 'enterpriseId', p.enterprise_id, 'version', e.version, 'type', e.type,
  'occurredAt', e.occurred_at, 'recordedAt', e.recorded_at,
  'definition', json_build_object('key', e.definition_key, 'version', e.definition_version),
  'stateAfter', case when octet_length(e.state_after::text) <= 2000 then e.state_after end)`;
