/**
 * The events a role may send now: declared, accepted by the current state, allowed for the role, and not
 * certain to be refused by a guard. Only guards that read the context alone can be decided before the
 * payload exists; events whose guards read the payload are listed.
 */
import type { ActorRole, LifecycleDefinition } from './definition.types';
import type { AvailableEvent, LifecycleEvent, SnapshotJson } from './engine.types';
import { candidates, eventsInState, guardVerdict, type ResolvedSnapshot } from './enabled-transitions';
import { createMachine } from './machine-factory';

function mightPass(resolved: ResolvedSnapshot, type: string, role: ActorRole): boolean {
  const probe: LifecycleEvent = {
    type,
    payload: {},
    actor: { id: 'probe', role },
    at: '1970-01-01T00:00:00Z',
  };
  return candidates(resolved, type).some((option) => {
    const verdict = guardVerdict(option, resolved.context, probe);
    return verdict.pass || verdict.usesPayload;
  });
}

/** Events `role` may send in `snapshot`, in type order, with label and payload schema. */
export function availableEvents(
  definition: LifecycleDefinition,
  snapshot: SnapshotJson,
  role: ActorRole,
): AvailableEvent[] {
  const machine = createMachine(definition);
  const resolved = machine.resolveState({ value: snapshot.value, context: snapshot.context });
  return eventsInState(definition, resolved)
    .filter((type) => definition.events[type].roles.includes(role) && mightPass(resolved, type, role))
    .map((type) => {
      const { label, description, payload } = definition.events[type];
      return description ? { type, label, description, payload } : { type, label, payload };
    });
}
