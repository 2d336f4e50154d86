import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Transaction } from '@mikro-orm/core';
import { textArrayLiteral } from '../database/pg-array';
import { PreparedSql } from '../database/prepared-sql';
import { statePathsOf } from '../lifecycle/state-paths';
import { auditEntryOf, chainHash, GENESIS_HASH } from '../audit/audit-entry';
import type { SnapshotJson } from '../lifecycle/engine.types';
import type {
  AppendOutcome,
  AppendRequest,
  CreateRequest,
  Deadline,
  IdempotencyRecord,
  NewEvent,
  ProjectHead,
  ReadModel,
} from './event-store.types';

export interface LoadedHead {
  head?: ProjectHead;
  idempotency?: IdempotencyRecord;
}

interface HeadRow {
  id: string | null;
  enterprise_id: string;
  title: string;
  definition_key: string;
  definition_version: number;
  snapshot: SnapshotJson;
  deadlines: Deadline[];
  version: number;
  chain_head: string;
  updated_at: Date;
  request_hash: string | null;
  idem_status: number;
  idem_body: string;
}

/**
 * Appends events. Each append is ONE SQL statement: the read-model update guarded by the expected
 * version, and, conditional on it, the event, its hash-chained audit entry, the idempotency record and
 * the timer changes. One statement is one transaction and one round trip: all of it commits or none.
 */
@Injectable()
export class EventStore {
  constructor(
    private readonly em: EntityManager,
    private readonly sql: PreparedSql,
  ) {}

  async append(request: AppendRequest, tx?: Transaction): Promise<AppendOutcome> {
    const version = request.expectedVersion + 1;
    const { entry, hash } = this.chain(
      request.projectId,
      version,
      request.prevHash,
      request.definition,
      request.stateBefore,
      request.event,
      request.readModel,
    );
    const rows = await this.sql.query<{ appended: number }>(
      'waypost_append',
      `with head as (
         update projects set ${READ_MODEL_ASSIGNMENTS}, version = ?, chain_head = ?, updated_at = ?::timestamptz
         where id = ? and version = ? returning id),
       ${EVENT_WRITES}
       select count(*)::int as appended from head, (select count(*) from wake) as woken`,
      [
        ...readModelParams(request.readModel),
        version,
        hash,
        request.event.occurredAt,
        request.projectId,
        request.expectedVersion,
        ...this.writeParams(
          request.projectId,
          version,
          request.definition,
          request.stateBefore,
          request.event,
          request.readModel,
          entry,
          request.prevHash,
          hash,
          request.timers,
          request.idempotency,
          request.firedTimer,
        ),
      ],
      tx,
    );
    return rows[0].appended === 1 ? { appended: true, hash } : { appended: false };
  }

  async create(request: CreateRequest, tx?: Transaction): Promise<string> {
    const { entry, hash } = this.chain(
      request.projectId,
      1,
      GENESIS_HASH,
      request.definition,
      null,
      request.event,
      request.readModel,
    );
    await this.sql.query(
      'waypost_create',
      `with head as (
         insert into projects (state_value, state_paths, status, context, snapshot, overdue, overdue_since, flags, deadlines,
           version, chain_head, updated_at, id, enterprise_id, title, definition_key, definition_version, created_at)
         values (?::jsonb, ?::text[], ?, ?::jsonb, ?::jsonb, ?, ?::timestamptz, ?::text[], ?::jsonb,
           1, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?::timestamptz) returning id),
       ${EVENT_WRITES}
       select count(*)::int as appended from head, (select count(*) from wake) as woken`,
      [
        ...readModelParams(request.readModel),
        hash,
        request.createdAt,
        request.projectId,
        request.enterpriseId,
        request.title,
        request.definition.key,
        request.definition.version,
        request.createdAt,
        ...this.writeParams(
          request.projectId,
          1,
          request.definition,
          null,
          request.event,
          request.readModel,
          entry,
          GENESIS_HASH,
          hash,
          request.timers,
          request.idempotency,
        ),
      ],
      tx,
    );
    return hash;
  }

  /** The stream head and, when a key is given, its idempotency record: one round trip. */
  async loadHead(
    projectId: string,
    idempotency?: { principalId: string; key: string },
    tx?: Transaction,
  ): Promise<LoadedHead> {
    const rows = await this.sql.query<HeadRow>(
      'waypost_load_head',
      `select p.id, p.enterprise_id, p.title, p.definition_key, p.definition_version, p.snapshot, p.deadlines,
              p.version, p.chain_head, p.updated_at, i.request_hash, i.status as idem_status, i.body as idem_body
       from (select 1) as one
       left join projects p on p.id = ?
       left join idempotency_records i on i.principal_id = ? and i.key = ?`,
      [projectId, idempotency?.principalId ?? null, idempotency?.key ?? null],
      tx,
    );
    const row = rows[0];
    const head: ProjectHead | undefined = row.id
      ? {
          id: row.id,
          enterpriseId: row.enterprise_id,
          title: row.title,
          definitionKey: row.definition_key,
          definitionVersion: row.definition_version,
          snapshot: row.snapshot,
          deadlines: row.deadlines,
          version: row.version,
          chainHead: row.chain_head,
          updatedAt: new Date(row.updated_at).toISOString(),
        }
      : undefined;
    const stored =
      idempotency && row.request_hash !== null
        ? { ...idempotency, requestHash: row.request_hash, status: row.idem_status, body: row.idem_body }
        : undefined;
    return { head, idempotency: stored };
  }

  async findIdempotency(principalId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const rows = await this.em
      .getConnection()
      .execute<{ request_hash: string; status: number; body: string }[]>(
        'select request_hash, status, body from idempotency_records where principal_id = ? and key = ?',
        [principalId, key],
      );
    const row = rows[0];
    return row && { principalId, key, requestHash: row.request_hash, status: row.status, body: row.body };
  }

  private chain(
    projectId: string,
    version: number,
    prevHash: string,
    definition: { key: string; version: number },
    stateBefore: AppendRequest['stateBefore'] | null,
    event: NewEvent,
    readModel: ReadModel,
  ) {
    const entry = auditEntryOf({
      projectId,
      version,
      type: event.type,
      payload: event.payload,
      actorId: event.actor.id,
      actorRole: event.actor.role,
      occurredAt: event.occurredAt,
      stateBefore,
      stateAfter: readModel.stateValue,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      requestId: event.requestId,
      idempotencyKey: event.idempotencyKey,
    });
    return { entry, hash: chainHash(prevHash, entry) };
  }

  private writeParams(
    projectId: string,
    version: number,
    definition: { key: string; version: number },
    stateBefore: AppendRequest['stateBefore'] | null,
    event: NewEvent,
    readModel: ReadModel,
    entry: unknown,
    prevHash: string,
    hash: string,
    timers: AppendRequest['timers'],
    idempotency?: IdempotencyRecord,
    firedTimer?: AppendRequest['firedTimer'],
  ): unknown[] {
    const stateAfter = JSON.stringify(readModel.stateValue);
    return [
      ...[
        projectId,
        version,
        event.type,
        JSON.stringify(event.payload),
        event.actor.id,
        event.actor.role,
        event.occurredAt,
      ],
      ...[
        definition.key,
        definition.version,
        stateBefore === null ? null : JSON.stringify(stateBefore),
        stateAfter,
      ],
      ...[event.requestId, event.idempotencyKey],
      ...[projectId, version, JSON.stringify(entry), prevHash, hash],
      ...idempotencyParams(projectId, idempotency),
      ...timerParams(projectId, version, event.occurredAt, timers, firedTimer),
      ...stateCountParams(projectId, version, definition, stateBefore, readModel.statePaths),
    ];
  }
}

function idempotencyParams(projectId: string, record: IdempotencyRecord | undefined): unknown[] {
  return [
    record?.principalId ?? null,
    record?.key ?? null,
    record?.requestHash ?? null,
    record?.status ?? null,
    record?.body ?? null,
    projectId,
    record !== undefined,
  ];
}

/** Cancel the timers of states left, arm those of states entered, wake sleeping workers, settle the fired one. */
function timerParams(
  projectId: string,
  version: number,
  at: string,
  timers: AppendRequest['timers'],
  fired: AppendRequest['firedTimer'],
): unknown[] {
  const arm = JSON.stringify(
    timers.arm.map((t) => ({
      key: t.key,
      event_type: t.eventType,
      due_at: t.dueAt,
      derivation: t.derivation,
    })),
  );
  return [
    ...[at, version, projectId, textArrayLiteral(timers.cancel)],
    ...[projectId, version, arm],
    arm,
    ...[at, version, projectId, fired?.key ?? null, fired?.armedVersion ?? null],
  ];
}

/** State paths entered count one more project now (and ever, the first time); paths left one fewer. */
function stateCountParams(
  projectId: string,
  version: number,
  definition: { key: string; version: number },
  stateBefore: AppendRequest['stateBefore'] | null,
  after: string[],
): unknown[] {
  const before = stateBefore === null ? [] : statePathsOf(stateBefore);
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

/** Every write after the read-model row, each conditional on `head` having produced that row. */
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
    set now_count = state_counts.now_count + excluded.now_count, ever_count = state_counts.ever_count + excluded.ever_count)`;

/** The read-model columns, in the order of `readModelParams`. */
export const READ_MODEL_ASSIGNMENTS = `state_value = ?::jsonb, state_paths = ?::text[], status = ?, context = ?::jsonb,
  snapshot = ?::jsonb, overdue = ?, overdue_since = ?::timestamptz, flags = ?::text[], deadlines = ?::jsonb`;

export function readModelParams(model: ReadModel): unknown[] {
  return [
    JSON.stringify(model.stateValue),
    textArrayLiteral(model.statePaths),
    model.status,
    JSON.stringify(model.context),
    JSON.stringify(model.snapshot),
    model.overdue,
    model.overdueSince,
    textArrayLiteral(model.flags),
    JSON.stringify(model.deadlines),
  ];
}
