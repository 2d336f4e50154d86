import type { Actor, JsonObject, JsonValue } from '../lifecycle/definition.types';
import type { SnapshotJson, StateValueJson, TimerEffects, TimerToArm } from '../lifecycle/engine.types';

/** A deadline as the read model shows it: an armed timer with how it was derived. */
export type Deadline = Omit<TimerToArm, 'eventType'> & { eventType: string; armedVersion: number };

/** The columns of the project read model that change with each event. */
export interface ReadModel {
  stateValue: StateValueJson;
  statePaths: string[];
  status: 'active' | 'done';
  context: JsonObject;
  snapshot: SnapshotJson;
  overdue: boolean;
  overdueSince: string | null;
  flags: string[];
  deadlines: Deadline[];
}

/** The current head of a project's stream, as a writer needs it. */
export interface ProjectHead {
  id: string;
  enterpriseId: string;
  title: string;
  definitionKey: string;
  definitionVersion: number;
  snapshot: SnapshotJson;
  deadlines: Deadline[];
  version: number;
  chainHead: string;
  /** When the last event occurred (the read model's updated_at). */
  updatedAt: string;
}

export interface NewEvent {
  type: string;
  payload: JsonValue;
  actor: Actor;
  occurredAt: string;
  requestId: string | null;
  idempotencyKey: string | null;
}

/** The answer stored with an Idempotency-Key, replayed byte for byte on a repeat. */
export interface IdempotencyRecord {
  principalId: string;
  key: string;
  requestHash: string;
  status: number;
  body: string;
}

export interface AppendRequest {
  projectId: string;
  /** The version the caller decided on; the append happens only if the stream is still there. */
  expectedVersion: number;
  definition: { key: string; version: number };
  stateBefore: StateValueJson;
  prevHash: string;
  event: NewEvent;
  readModel: ReadModel;
  timers: TimerEffects;
  idempotency?: IdempotencyRecord;
  /** The timer whose firing this event is (settled in the same statement). */
  firedTimer?: { key: string; armedVersion: number };
}

export interface CreateRequest {
  projectId: string;
  enterpriseId: string;
  title: string;
  definition: { key: string; version: number };
  event: NewEvent;
  readModel: ReadModel;
  timers: TimerEffects;
  idempotency?: IdempotencyRecord;
  createdAt: string;
}

export type AppendOutcome = { appended: true; hash: string } | { appended: false };
