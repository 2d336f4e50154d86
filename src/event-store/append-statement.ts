import { auditEntryOf, chainHash, type AuditEntry } from '../audit/audit-entry';
import { textArrayLiteral } from '../database/pg-array';
import { statePathsOf } from '../lifecycle/state-paths';
import type { StateValueJson } from '../lifecycle/engine.types';
import type {
  AppendRequest,
  CreateRequest,
  IdempotencyRecord,
  NewEvent,
  ReadModel,
} from './event-store.types';

/**
 * The one statement each event is. `head` writes the project row (an insert on creation, an update
 * guarded by the expected version afterwards); every other write is conditional on `head`, so a lost
 * race writes nothing at all.
 */
const EVENT_WRITES = `
  ev as (
    insert into events (project_id, version, type, payload, actor_id, actor_role, occurred_at, definition_key,
      definition_version, state_before, state_after, request_id, idempotency_key)
    select ?, ?, ?, ?::jsonb, ?, ?, ?::timestamptz, ?, ?, ?::jsonb, ?::jsonb, ?, ? from head),
  au as (
    insert into audit_entries (project_id, version, entry, prev_hash, hash)
    select ?, ?, ?::jsonb, ?, ? from head),
  idem as (
    insert into idempotency_records (principal_id, key, request_hash, status, body, project_id)
    select ?, ?, ?, ?, ?, ? from head where ?),
  cancelled as (
    update timers set status = 'cancelled', settled_at = ?::timestamptz, settled_version = ?
    where project_id = ? and timer_key = any(?::text[]) and status = 'armed' and exists (select 1 from head)),
  armed as (
    insert into timers (project_id, timer_key, armed_version, event_type, due_at, derivation)
    select ?, t.key, ?, t.event_type, t.due_at, t.derivation
    from head, jsonb_to_recordset(?::jsonb) as t(key text, event_type text, due_at timestamptz, derivation jsonb)),
  wake as (
    select pg_notify('waypost_timers', min(t.due_at)::text)
    from jsonb_to_recordset(?::jsonb) as t(due_at timestamptz) having count(*) > 0),
  fired as (
    update timers set status = 'fired', settled_at = ?::timestamptz, settled_version = ?
    where project_id = ? and timer_key = ? and armed_version = ? and status = 'armed' and exists (select 1 from head)),
  entered as (
    insert into state_entries (project_id, state_path, definition_key, definition_version, first_version)
    select ?, p.path, ?, ?, ? from head, unnest(?::text[]) as p(path)
    on conflict do nothing returning state_path),
  counted as (
    insert into state_counts (definition_key, definition_version, state_path, now_count, ever_count)
    select ?, ?, d.path, d.delta, (d.path in (select state_path from entered))::int
    from head, jsonb_to_recordset(?::jsonb) as d(path text, delta int) order by d.path
    on conflict (definition_key, definition_version, state_path) do update
    set now_count = state_counts.now_count + excluded.now_count, ever_count = state_counts.ever_count + excluded.ever_count)
  select count(*)::int as appended from head, (select count(*) from wake) as woken`;

/** The read-model columns, in the order of `readModelParams`. */
export const READ_MODEL_ASSIGNMENTS = `state_value = ?::jsonb, state_paths = ?::text[], status = ?, context = ?::jsonb,
  overdue = ?, overdue_since = ?::timestamptz, flags = ?::text[], deadlines = ?::jsonb`;

export const APPEND_SQL = `with head as (
    update projects set ${READ_MODEL_ASSIGNMENTS}, version = ?, chain_head = ?, updated_at = ?::timestamptz
    where id = ? and version = ? returning id),
  ${EVENT_WRITES}`;

export const CREATE_SQL = `with head as (
    insert into projects (state_value, state_paths, status, context, overdue, overdue_since, flags, deadlines,
      version, chain_head, updated_at, id, enterprise_id, title, definition_key, definition_version, created_at)
    values (?::jsonb, ?::text[], ?, ?::jsonb, ?, ?::timestamptz, ?::text[], ?::jsonb,
      1, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?::timestamptz) returning id),
  ${EVENT_WRITES}`;

/** Everything one event writes, whatever wrote the project row. */
interface EventWrite {
  projectId: string;
  version: number;
  definition: { key: string; version: number };
  stateBefore: StateValueJson | null;
  event: NewEvent;
  readModel: ReadModel;
  prevHash: string;
  timers: AppendRequest['timers'];
  idempotency?: IdempotencyRecord;
  firedTimer?: AppendRequest['firedTimer'];
  /**
   * Sleeping timer workers are woken (NOTIFY) only for a deadline due within this many ms; later ones
   * they find on their next poll. NOTIFY serializes commits, so it must stay rare.
   */
  wakeWithinMs: number;
}

export interface ChainedWrite extends EventWrite {
  entry: AuditEntry;
  hash: string;
}

/** The audit entry of the event and its place in the project's chain. */
export function chained(write: EventWrite): ChainedWrite {
  const entry = auditEntryOf({
    projectId: write.projectId,
    version: write.version,
    type: write.event.type,
    payload: write.event.payload,
    actorId: write.event.actor.id,
    actorRole: write.event.actor.role,
    occurredAt: write.event.occurredAt,
    stateBefore: write.stateBefore,
    stateAfter: write.readModel.stateValue,
    definitionKey: write.definition.key,
    definitionVersion: write.definition.version,
    requestId: write.event.requestId,
    idempotencyKey: write.event.idempotencyKey,
  });
  return { ...write, entry, hash: chainHash(write.prevHash, entry) };
}

export function appendParams(request: AppendRequest, write: ChainedWrite): unknown[] {
  const head = [
    write.version,
    write.hash,
    write.event.occurredAt,
    request.projectId,
    request.expectedVersion,
  ];
  return [...readModelParams(write.readModel), ...head, ...eventWriteParams(write)];
}

export function createParams(request: CreateRequest, write: ChainedWrite): unknown[] {
  const head = [write.hash, request.createdAt, request.projectId, request.enterpriseId, request.title];
  const pinned = [request.definition.key, request.definition.version, request.createdAt];
  return [...readModelParams(write.readModel), ...head, ...pinned, ...eventWriteParams(write)];
}

export function readModelParams(model: ReadModel): unknown[] {
  return [
    JSON.stringify(model.stateValue),
    textArrayLiteral(model.statePaths),
    model.status,
    JSON.stringify(model.context),
    model.overdue,
    model.overdueSince,
    textArrayLiteral(model.flags),
    JSON.stringify(model.deadlines),
  ];
}

function eventWriteParams(w: ChainedWrite): unknown[] {
  const { event } = w;
  return [
    ...[
      w.projectId,
      w.version,
      event.type,
      JSON.stringify(event.payload),
      event.actor.id,
      event.actor.role,
      event.occurredAt,
    ],
    ...[
      w.definition.key,
      w.definition.version,
      w.stateBefore === null ? null : JSON.stringify(w.stateBefore),
    ],
    ...[JSON.stringify(w.readModel.stateValue), event.requestId, event.idempotencyKey],
    ...[w.projectId, w.version, JSON.stringify(w.entry), w.prevHash, w.hash],
    ...idempotencyParams(w.projectId, w.idempotency),
    ...timerParams(w),
    ...stateCountParams(w),
  ];
}

function idempotencyParams(projectId: string, record: IdempotencyRecord | undefined): unknown[] {
  const stored = [record?.principalId, record?.key, record?.requestHash, record?.status, record?.body];
  return [...stored.map((value) => value ?? null), projectId, record !== undefined];
}

/** Cancel the timers of states left, arm those of states entered, wake sleeping workers, settle the fired one. */
function timerParams({
  projectId,
  version,
  event,
  timers,
  firedTimer,
  wakeWithinMs,
}: ChainedWrite): unknown[] {
  const horizon = Date.parse(event.occurredAt) + wakeWithinMs;
  const soon = timers.arm
    .filter((timer) => Date.parse(timer.dueAt) <= horizon)
    .map((timer) => ({ due_at: timer.dueAt }));
  const arm = JSON.stringify(
    timers.arm.map((t) => ({
      key: t.key,
      event_type: t.eventType,
      due_at: t.dueAt,
      derivation: t.derivation,
    })),
  );
  return [
    ...[event.occurredAt, version, projectId, textArrayLiteral(timers.cancel)],
    ...[projectId, version, arm],
    JSON.stringify(soon),
    ...[event.occurredAt, version, projectId, firedTimer?.key ?? null, firedTimer?.armedVersion ?? null],
  ];
}

/** State paths entered count one more project now (and ever, the first time); paths left one fewer. */
function stateCountParams({
  projectId,
  version,
  definition,
  stateBefore,
  readModel,
}: ChainedWrite): unknown[] {
  const before = stateBefore === null ? [] : statePathsOf(stateBefore);
  const after = readModel.statePaths;
  const entered = after.filter((path) => !before.includes(path));
  const left = before.filter((path) => !after.includes(path));
  const deltas = [
    ...entered.map((path) => ({ path, delta: 1 })),
    ...left.map((path) => ({ path, delta: -1 })),
  ];
  return [
    ...[projectId, definition.key, definition.version, version, textArrayLiteral(entered)],
    ...[definition.key, definition.version, JSON.stringify(deltas)],
  ];
}
