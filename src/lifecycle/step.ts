/**
 * `step()`: decides one event for one lifecycle instance. Pure: the caller passes the stored snapshot,
 * who sends the event and when (`now` becomes `event.at`); nothing here reads the clock or storage.
 * Checks, in order: unknown event → role → payload → allowed in this state → guards; then XState's pure
 * `transition()` computes the next snapshot and the timers to cancel and arm.
 */
import { afterEvents } from './after-events';
import { isJsonObject } from './context-path';
import type { Actor, JsonObject, LifecycleDefinition } from './definition.types';
import type { IncomingEvent, LifecycleEvent, Refusal, SnapshotJson, StepResult } from './engine.types';
import { candidates, eventsInState, guardVerdict, type ResolvedSnapshot } from './enabled-transitions';
import { isIsoInstant } from './instant';
import { pureTransition } from './pure-transition';
import { createMachine } from './machine-factory';
import { validatePayload } from './payload-validator';
import { toSnapshotJson } from './snapshot-json';
import { timerEffects } from './timer-effects';

type Refused = { ok: false; refusal: Refusal };
const refuse = (refusal: Refusal): Refused => ({ ok: false, refusal });

/**
 * A timer event carries only the instant its deadline passed (`dueAt`), recorded by the worker, so a
 * flag it raises is stamped with the deadline rather than with the moment a late worker got to it.
 */
function timerPayload(payload: unknown): JsonObject {
  const dueAt = isJsonObject(payload) ? payload.dueAt : undefined;
  return typeof dueAt === 'string' && isIsoInstant(dueAt) ? { dueAt } : {};
}

/** Refusals that need no snapshot: unknown type, wrong role, invalid payload. */
function checkIncoming(
  definition: LifecycleDefinition,
  isTimer: boolean,
  event: IncomingEvent,
  actor: Actor,
) {
  const { type } = event;
  if (isTimer) {
    return actor.role === 'system'
      ? null
      : refuse({ kind: 'role_not_allowed', type, role: actor.role, allowedRoles: ['system'] });
  }
  if (!Object.hasOwn(definition.events, type)) return refuse({ kind: 'unknown_event', type });
  const allowedRoles = definition.events[type].roles;
  if (!allowedRoles.includes(actor.role))
    return refuse({ kind: 'role_not_allowed', type, role: actor.role, allowedRoles });
  const errors = validatePayload(definition, type, event.payload ?? {});
  return errors.length > 0 ? refuse({ kind: 'payload_invalid', type, errors }) : null;
}

/** not_allowed when no transition exists for the event here; guard_refused when all that exist refuse. */
function checkState(definition: LifecycleDefinition, resolved: ResolvedSnapshot, event: LifecycleEvent) {
  const options = candidates(resolved, event.type);
  if (options.length === 0) {
    const allowed = eventsInState(definition, resolved);
    return refuse({ kind: 'not_allowed', type: event.type, state: resolved.value, allowed });
  }
  const verdicts = options.map((option) => guardVerdict(option, resolved.context, event));
  const refusals = verdicts.flatMap((verdict) => (verdict.pass ? [] : [verdict]));
  if (refusals.length < verdicts.length) return null;
  const guard = [...new Set(refusals.map((r) => r.guard))].join(', ');
  return refuse({
    kind: 'guard_refused',
    type: event.type,
    guard,
    reason: refusals.map((r) => r.reason).join('; or '),
  });
}

export type Decision =
  { ok: true; next: ResolvedSnapshot; actions: ReturnType<typeof pureTransition>[1] } | Refused;

/**
 * Decides `event` on an XState snapshot already resolved: every check, then the pure transition.
 * `step()` wraps it for stored JSON; replay calls it directly, carrying XState's snapshot along.
 */
export function decide(
  definition: LifecycleDefinition,
  resolved: ResolvedSnapshot,
  event: IncomingEvent,
  actor: Actor,
  now: string,
): Decision {
  const machine = createMachine(definition);
  const isTimer = afterEvents(machine).has(event.type);
  const incoming = checkIncoming(definition, isTimer, event, actor);
  if (incoming) return incoming;
  const payload = isTimer ? timerPayload(event.payload) : isJsonObject(event.payload) ? event.payload : {};
  const lifecycleEvent: LifecycleEvent = { type: event.type, payload, actor, at: now };
  const refused = checkState(definition, resolved, lifecycleEvent);
  if (refused) return refused;
  const [next, actions] = pureTransition(machine, resolved, lifecycleEvent);
  return { ok: true, next, actions };
}

/** Applies `event`, sent by `actor` at `now`, to `snapshot`; refuses with a reason instead of throwing. */
export function step(
  definition: LifecycleDefinition,
  snapshot: SnapshotJson,
  event: IncomingEvent,
  actor: Actor,
  now: string,
): StepResult {
  if (!isIsoInstant(now)) throw new RangeError(`now must be an ISO-8601 instant with offset, got "${now}"`);
  const machine = createMachine(definition);
  // History states are not part of the format, so value and context are the whole state.
  const resolved = machine.resolveState({ value: snapshot.value, context: snapshot.context });
  const decision = decide(definition, resolved, event, actor, now);
  if (!decision.ok) return decision;
  const json = toSnapshotJson(machine, decision.next);
  const effects = timerEffects(definition, machine, decision.actions, json.context, now);
  return {
    ok: true,
    snapshot: json,
    value: json.value,
    context: json.context,
    done: json.status === 'done',
    effects,
  };
}
