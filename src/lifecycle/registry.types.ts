/**
 * The shapes of registry entries: named guards, actions and delays a definition may reference, each with a
 * JSON Schema for its params so a wrong param is a validation problem on save, never a runtime crash.
 */
import type { DeadlineDerivation, LifecycleEvent } from './engine.types';
import type { JsonObject, JsonSchema, LifecycleDefinition } from './definition.types';

export interface GuardEntry {
  paramsSchema: JsonSchema;
  /** False when the guard reads only the context, so it can be evaluated before a payload exists. */
  usesPayload: boolean;
  test(context: JsonObject, event: LifecycleEvent, params: JsonObject): boolean;
  /** Why the guard refuses, in words for the caller. */
  explain(params: JsonObject): string;
}

export interface ActionEntry {
  paramsSchema: JsonSchema;
  /** Param keys whose value must name a delay declared in the definition. */
  delayParams?: string[];
  /** Returns the next context; never mutates its input. */
  apply(
    context: JsonObject,
    event: LifecycleEvent,
    params: JsonObject,
    definition: LifecycleDefinition,
  ): JsonObject;
}

export interface Deadline {
  dueAtMs: number;
  derivation: DeadlineDerivation;
}

export interface DelayEntry {
  paramsSchema: JsonSchema;
  /** A check beyond the schema (e.g. the ISO duration parses); returns a message or null. */
  check?(params: JsonObject): string | null;
  /** The absolute deadline, or null when its base date is missing (then no timer is armed). */
  due(params: JsonObject, context: JsonObject, enteredAtMs: number): Deadline | null;
}
