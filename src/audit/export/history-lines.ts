import type { JsonValue } from '../../lifecycle/definition.types';
import type { SqlQuery } from '../sql';
import { BATCH_SIZE, isoOf } from '../verify/database-source';

/** One row of a project's history: the event as recorded and its place in the hash chain. */
export interface HistoryRecord {
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actorId: string;
  actorRole: string;
  stateBefore: JsonValue | null;
  stateAfter: JsonValue;
  payload: JsonValue;
  definition: { key: string; version: number };
  requestId: string | null;
  idempotencyKey: string | null;
  prevHash: string | null;
  hash: string | null;
}

interface Row {
  version: number;
  type: string;
  occurred_at: Date;
  recorded_at: Date;
  actor_id: string;
  actor_role: string;
  state_before: JsonValue | null;
  state_after: JsonValue;
  payload: JsonValue;
  definition_key: string;
  definition_version: number;
  request_id: string | null;
  idempotency_key: string | null;
  prev_hash: string | null;
  hash: string | null;
}

/** The project's history in version order, read in keyset batches. */
export async function* historyRecords(sql: SqlQuery, projectId: string): AsyncGenerator<HistoryRecord> {
  let after = 0;
  for (;;) {
    const rows = await sql<Row>(
      `select e.version, e.type, e.occurred_at, e.recorded_at, e.actor_id, e.actor_role, e.state_before,
              e.state_after, e.payload, e.definition_key, e.definition_version, e.request_id, e.idempotency_key,
              a.prev_hash, a.hash
       from events e left join audit_entries a on a.project_id = e.project_id and a.version = e.version
       where e.project_id = ?::uuid and e.version > ? order by e.version limit ?`,
      [projectId, after, BATCH_SIZE],
    );
    for (const row of rows)
      yield {
        version: row.version,
        type: row.type,
        occurredAt: isoOf(row.occurred_at),
        recordedAt: isoOf(row.recorded_at),
        actorId: row.actor_id,
        actorRole: row.actor_role,
        stateBefore: row.state_before,
        stateAfter: row.state_after,
        payload: row.payload,
        definition: { key: row.definition_key, version: row.definition_version },
        requestId: row.request_id,
        idempotencyKey: row.idempotency_key,
        prevHash: row.prev_hash,
        hash: row.hash,
      };
    if (rows.length < BATCH_SIZE) return;
    after = rows[rows.length - 1].version;
  }
}

/** `{"projectId": ..., "events": [...]}`, written as it is read. */
export async function* historyJson(
  projectId: string,
  records: AsyncIterable<HistoryRecord>,
): AsyncGenerator<string> {
  yield `{"projectId":${JSON.stringify(projectId)},"events":[`;
  let first = true;
  for await (const record of records) {
    yield (first ? '\n' : ',\n') + JSON.stringify(record);
    first = false;
  }
  yield '\n]}\n';
}

const CSV_COLUMNS: [string, (record: HistoryRecord) => unknown][] = [
  ['version', (r) => r.version],
  ['type', (r) => r.type],
  ['occurredAt', (r) => r.occurredAt],
  ['recordedAt', (r) => r.recordedAt],
  ['actorId', (r) => r.actorId],
  ['actorRole', (r) => r.actorRole],
  ['stateBefore', (r) => r.stateBefore],
  ['stateAfter', (r) => r.stateAfter],
  ['payload', (r) => r.payload],
  ['definitionKey', (r) => r.definition.key],
  ['definitionVersion', (r) => r.definition.version],
  ['requestId', (r) => r.requestId],
  ['idempotencyKey', (r) => r.idempotencyKey],
  ['prevHash', (r) => r.prevHash],
  ['hash', (r) => r.hash],
];

/** RFC 4180 CSV with a BOM so spreadsheets read the Chinese text as UTF-8. */
export async function* historyCsv(records: AsyncIterable<HistoryRecord>): AsyncGenerator<string> {
  yield '\ufeff' + CSV_COLUMNS.map(([name]) => name).join(',') + '\r\n';
  for await (const record of records)
    yield CSV_COLUMNS.map(([, cell]) => csvCell(cell(record))).join(',') + '\r\n';
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  // A leading = + - @ makes spreadsheets evaluate the cell: quote it as text (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
