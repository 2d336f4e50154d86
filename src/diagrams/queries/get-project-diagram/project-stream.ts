import type { ReplayInput } from '../../../lifecycle/replay';
import type { ActorRole, JsonObject } from '../../../lifecycle/definition.types';
import type { RecordedEvent } from '../../../lifecycle/engine.types';

export interface StoredEventRow {
  version: number;
  type: string;
  payload: JsonObject;
  actor_id: string;
  actor_role: ActorRole;
  occurred_at: Date;
}

/** The stored stream as replay() takes it: version 1 holds the creation data, the rest are events. */
export function replayInputOf(rows: readonly StoredEventRow[]): { creation: ReplayInput; events: RecordedEvent[] } {
  const [created, ...rest] = rows;
  const data = created.payload.data;
  return {
    creation: {
      data: typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {},
      actor: { id: created.actor_id, role: created.actor_role },
      at: new Date(created.occurred_at).toISOString(),
    },
    events: rest.map((row) => ({
      type: row.type,
      payload: row.payload,
      actor: { id: row.actor_id, role: row.actor_role },
      at: new Date(row.occurred_at).toISOString(),
    })),
  };
}
