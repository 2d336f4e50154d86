/**
 * Which transitions an event could take in a snapshot, before XState takes one: used to tell "this event
 * does nothing here" (not_allowed) from "it would, but every guard refuses" (guard_refused), and to list
 * the events a state accepts.
 */
import { isJsonObject } from './context-path';
import type { JsonObject, LifecycleDefinition } from './definition.types';
import type { LifecycleEvent } from './engine.types';
import type { LifecycleMachine } from './machine-builder';
import { GUARDS } from './registry';

export type ResolvedSnapshot = ReturnType<LifecycleMachine['resolveState']>;
type Transition = NonNullable<ReturnType<ResolvedSnapshot['_nodes'][number]['transitions']['get']>>[number];

export type GuardVerdict =
  { pass: true } | { pass: false; guard: string; reason: string; usesPayload: boolean };

/** Transitions for `type` on the active state nodes, deepest first (XState's selection order). */
export function candidates(snapshot: ResolvedSnapshot, type: string): Transition[] {
  if (snapshot.status !== 'active') return [];
  return [...snapshot._nodes].reverse().flatMap((node) => node.transitions.get(type) ?? []);
}

/** Declared events some active state node has a transition for, guards ignored. */
export function eventsInState(definition: LifecycleDefinition, snapshot: ResolvedSnapshot): string[] {
  if (snapshot.status !== 'active') return [];
  const types = new Set(snapshot._nodes.flatMap((node) => [...node.transitions.keys()]));
  return [...types].filter((type) => Object.hasOwn(definition.events, type)).sort();
}

/** Evaluates a candidate's guard with the registry, as XState would. */
export function guardVerdict(
  transition: Transition,
  context: JsonObject,
  event: LifecycleEvent,
): GuardVerdict {
  const guard: unknown = transition.guard;
  if (guard === undefined) return { pass: true };
  if (!isJsonObject(guard) || typeof guard.type !== 'string' || !Object.hasOwn(GUARDS, guard.type)) {
    return {
      pass: false,
      guard: String(isJsonObject(guard) ? guard.type : guard),
      reason: 'unknown guard',
      usesPayload: false,
    };
  }
  const entry = GUARDS[guard.type];
  const params = isJsonObject(guard.params) ? guard.params : {};
  if (entry.test(context, event, params)) return { pass: true };
  return { pass: false, guard: guard.type, reason: entry.explain(params), usesPayload: entry.usesPayload };
}
