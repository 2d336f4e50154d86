/**
 * Types the engine (`initialize`, `step`, `replay`) speaks: the XState event shape, persisted snapshots,
 * timer effects and refusals. Other modules (projects, timers, audit) code against these.
 */
import type { Actor, ActorRole, JsonObject, JsonSchema, JsonValue, LocalizedLabel } from './definition.types';

/** What XState receives: the caller's event plus who sent it and when (the recorded time, never the clock). */
export interface LifecycleEvent {
  type: string;
  payload: JsonObject;
  actor: Actor;
  /** ISO-8601 instant; for timer events, the time the timer fired. */
  at: string;
}

/** The input of the initial transition. */
export interface LifecycleInput {
  data: JsonObject;
  actor: Actor;
  at: string;
}

/** A state value as XState reports it: `"draft"` or `{ "construction": "active" }`. */
export type StateValueJson = string | { [key: string]: StateValueJson };

/** The persisted XState snapshot, plain JSON: store it as is, give it back to `step()`. */
export interface SnapshotJson {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValueJson;
  context: JsonObject;
  historyValue: JsonObject;
  children: JsonObject;
  output?: JsonValue;
  error?: JsonValue;
}

/** How a deadline was computed, shown to users next to it. */
export interface DeadlineDerivation {
  /** Human-readable rule, e.g. `context.plannedCompletion + P1Y + paused time`. */
  rule: string;
  /** The instant or date the offset is added to. */
  baseDate: string | null;
  offset: string;
  /** Time added because the project was paused (suspended). */
  pausedMs: number;
  /** Changes that moved the base date, oldest first (e.g. approved completion-date changes). */
  changes: JsonValue[];
}

/** A durable timer the caller must store in the same transaction as the snapshot. */
export interface TimerToArm {
  /** `<stateNodeId>#<delayName>`, e.g. `industrial-project.construction.active#overdue`. */
  key: string;
  /** The event to send (as actor `system`) when due: `xstate.after.<delayName>.<stateNodeId>`. */
  eventType: string;
  stateId: string;
  delay: string;
  dueAt: string;
  derivation: DeadlineDerivation;
}

/** Apply `cancel` first, then `arm`: a re-entered state cancels its timer and arms a fresh one. */
export interface TimerEffects {
  arm: TimerToArm[];
  cancel: string[];
}

export interface FieldError {
  /** JSON-pointer-like path, e.g. `/payload/percentComplete` or `/data/plannedCompletion`. */
  path: string;
  message: string;
}

export type Refusal =
  | { kind: 'unknown_event'; type: string }
  | { kind: 'role_not_allowed'; type: string; role: ActorRole; allowedRoles: ActorRole[] }
  | { kind: 'payload_invalid'; type: string; errors: FieldError[] }
  | { kind: 'not_allowed'; type: string; state: StateValueJson; allowed: string[] }
  | { kind: 'guard_refused'; type: string; guard: string; reason: string };

export interface Transitioned {
  ok: true;
  snapshot: SnapshotJson;
  value: StateValueJson;
  context: JsonObject;
  /** True once a top-level final state is reached. */
  done: boolean;
  effects: TimerEffects;
}

export type StepResult = Transitioned | { ok: false; refusal: Refusal };

/** An event as the caller gives it: type and payload only; actor and time come separately. */
export interface IncomingEvent {
  type: string;
  payload?: unknown;
}

/** An event as recorded in a project's stream. */
export interface RecordedEvent {
  type: string;
  payload: JsonObject;
  actor: Actor;
  at: string;
}

/** An event a role may send now, as the console and API list it. */
export interface AvailableEvent {
  type: string;
  label: LocalizedLabel;
  description?: LocalizedLabel;
  payload: JsonSchema;
}

export interface DefinitionProblem {
  path: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  problems: DefinitionProblem[];
}
