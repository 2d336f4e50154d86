import type { ActorRole, JsonValue } from '../../lifecycle/definition.types';
import type { AuditEntry } from '../audit-entry';
import type { SqlQuery } from '../sql';
import type { CheckpointRecord, VerifyItem } from './verify-items';

export const BATCH_SIZE = 1000;
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

interface JoinedRow {
  project_id: string;
  version: number;
  type: string;
  payload: JsonValue;
  actor_id: string;
  actor_role: ActorRole;
  occurred_at: Date | string;
  recorded_at: Date | string;
  definition_key: string;
  definition_version: number;
  state_before: JsonValue | null;
  state_after: JsonValue;
  request_id: string | null;
  idempotency_key: string | null;
  entry: AuditEntry | null;
  prev_hash: string | null;
  hash: string | null;
  head_version: number | null;
  chain_head: string | null;
  cp_version: number | null;
  cp_hash: string | null;
}

export interface CheckpointRow {
  id: number;
  created_at: Date | string;
  head_count: number;
  root: string;
  algorithm: string | null;
  signature: string | null;
  public_key: string | null;
}

export function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}

export async function latestCheckpoint(sql: SqlQuery): Promise<CheckpointRecord | null> {
  const rows = await sql<CheckpointRow>(
    `select id, created_at, head_count, root, algorithm, signature, public_key
     from checkpoints order by id desc limit 1`,
    [],
  );
  return rows[0] ? checkpointOf(rows[0]) : null;
}

/** Every checkpoint up to `lastId`, oldest first, read a hundred at a time. */
export async function* checkpointsThrough(sql: SqlQuery, lastId: number): AsyncGenerator<CheckpointRecord> {
  let after = 0;
  for (;;) {
    const rows = await sql<CheckpointRow>(
      `select id, created_at, head_count, root, algorithm, signature, public_key from checkpoints
       where id > ? and id <= ? order by id limit 100`,
      [after, lastId],
    );
    yield* rows.map(checkpointOf);
    if (rows.length < 100) return;
    after = rows[rows.length - 1].id;
  }
}

export function checkpointOf(row: CheckpointRow): CheckpointRecord {
  return {
    id: row.id,
    createdAt: isoOf(row.created_at),
    count: row.head_count,
    root: row.root,
    algorithm: row.algorithm,
    signature: row.signature,
    publicKey: row.public_key,
  };
}

/**
 * Every event with its audit row, read-model head and latest-checkpoint head, in (project, version)
 * order, read in keyset batches along the primary key: one batch in memory at a time.
 */
export async function* databaseItems(
  sql: SqlQuery,
  options: { projectId?: string; checkpoint: CheckpointRecord | null },
): AsyncGenerator<VerifyItem> {
  let cursor: [string, number] = [FIRST_UUID, 0];
  let current: string | null = null;
  for (;;) {
    const rows = await sql<JoinedRow>(
      `select e.project_id, e.version, e.type, e.payload, e.actor_id, e.actor_role, e.occurred_at, e.recorded_at,
              e.definition_key, e.definition_version, e.state_before, e.state_after, e.request_id, e.idempotency_key,
              a.entry, a.prev_hash, a.hash, p.version as head_version, p.chain_head,
              h.version as cp_version, h.hash as cp_hash
       from events e
       left join audit_entries a on a.project_id = e.project_id and a.version = e.version
       left join projects p on p.id = e.project_id
       left join checkpoint_heads h on h.checkpoint_id = ? and h.project_id = e.project_id
       where (e.project_id, e.version) > (?::uuid, ?) ${options.projectId ? 'and e.project_id = ?::uuid' : ''}
       order by e.project_id, e.version
       limit ?`,
      [options.checkpoint?.id ?? 0, ...cursor, ...(options.projectId ? [options.projectId] : []), BATCH_SIZE],
    );
    for (const row of rows) {
      if (row.project_id !== current) {
        current = row.project_id;
        yield projectItemOf(row);
      }
      yield entryItemOf(row);
    }
    if (rows.length < BATCH_SIZE) break;
    const last = rows[rows.length - 1];
    cursor = [last.project_id, last.version];
  }
  yield { kind: 'checkpoint', checkpoint: options.checkpoint };
}

function projectItemOf(row: JoinedRow): VerifyItem {
  return {
    kind: 'project',
    projectId: row.project_id,
    head:
      row.head_version === null || row.chain_head === null
        ? null
        : { version: row.head_version, chainHead: row.chain_head },
    checkpointHead:
      row.cp_version === null || row.cp_hash === null ? null : { version: row.cp_version, hash: row.cp_hash },
  };
}

function entryItemOf(row: JoinedRow): VerifyItem {
  return {
    kind: 'entry',
    event: {
      projectId: row.project_id,
      version: row.version,
      type: row.type,
      payload: row.payload,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      occurredAt: isoOf(row.occurred_at),
      recordedAt: isoOf(row.recorded_at),
      stateBefore: row.state_before,
      stateAfter: row.state_after,
      definitionKey: row.definition_key,
      definitionVersion: row.definition_version,
      requestId: row.request_id,
      idempotencyKey: row.idempotency_key,
    },
    audit:
      row.entry === null || row.prev_hash === null || row.hash === null
        ? null
        : { entry: row.entry, prevHash: row.prev_hash, hash: row.hash },
  };
}
