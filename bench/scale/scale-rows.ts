import { textArrayLiteral } from '../../src/database/pg-array';
import type { Replica } from '../engine/replica';

/** jsonb columns travel as JSON text (a bare string state like draft must arrive quoted). */
const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

export const PROJECT_COLUMNS = [
  'id',
  'enterprise_id',
  'title',
  'definition_key',
  'definition_version',
  'state_value',
  'state_paths',
  'status',
  'context',
  'overdue',
  'overdue_since',
  'flags',
  'deadlines',
  'version',
  'chain_head',
  'created_at',
  'updated_at',
] as const;

export const EVENT_COLUMNS = [
  'project_id',
  'version',
  'type',
  'payload',
  'actor_id',
  'actor_role',
  'occurred_at',
  'recorded_at',
  'definition_key',
  'definition_version',
  'state_before',
  'state_after',
  'request_id',
  'idempotency_key',
] as const;

export const AUDIT_COLUMNS = ['project_id', 'version', 'entry', 'prev_hash', 'hash', 'recorded_at'] as const;

export const TIMER_COLUMNS = [
  'project_id',
  'timer_key',
  'armed_version',
  'event_type',
  'due_at',
  'derivation',
] as const;

/** The read-model row the service would have written after the replica's last event. */
export function projectRow(replica: Replica): unknown[] {
  const model = replica.history.readModel;
  const last = replica.chain[replica.chain.length - 1];
  return [
    replica.projectId,
    replica.enterpriseId,
    replica.title,
    replica.events[0].definitionKey,
    replica.events[0].definitionVersion,
    json(model.stateValue),
    textArrayLiteral(model.statePaths),
    model.status,
    json(model.context),
    model.overdue,
    model.overdueSince,
    textArrayLiteral(model.flags),
    json(model.deadlines),
    replica.events.length,
    last.hash,
    replica.history.createdAt,
    replica.history.updatedAt,
  ];
}

export function eventRows(replica: Replica): unknown[][] {
  return replica.events.map((event) => [
    event.projectId,
    event.version,
    event.type,
    json(event.payload),
    event.actorId,
    event.actorRole,
    event.occurredAt,
    event.occurredAt,
    event.definitionKey,
    event.definitionVersion,
    json(event.stateBefore),
    json(event.stateAfter),
    event.requestId,
    event.idempotencyKey,
  ]);
}

export function auditRows(replica: Replica): unknown[][] {
  return replica.chain.map((link, index) => [
    replica.projectId,
    index + 1,
    json(link.entry),
    link.prevHash,
    link.hash,
    replica.events[index].occurredAt,
  ]);
}

export function timerRows(replica: Replica): unknown[][] {
  return replica.history.readModel.deadlines.map((deadline) => [
    replica.projectId,
    deadline.key,
    deadline.armedVersion,
    deadline.eventType,
    deadline.dueAt,
    json(deadline.derivation),
  ]);
}
