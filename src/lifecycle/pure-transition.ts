/**
 * XState's pure `transition()`, without its per-call setup. `transition()` builds a throwaway actor for
 * every call, and building an actor computes the machine's initial snapshot (context factory, entry
 * actions): on our hot path that was a third of the cost of a step. The scope below is built once per
 * machine and reused; a transition is synchronous and executes no action, so calls cannot overlap.
 */
import { createActor, type ActorScope, type ExecutableActionsFrom, type SnapshotFrom } from 'xstate';
import type { LifecycleEvent, LifecycleInput } from './engine.types';
import type { LifecycleMachine } from './machine-builder';

type Snapshot = SnapshotFrom<LifecycleMachine>;
type Action = ExecutableActionsFrom<LifecycleMachine>;

interface ReusableScope {
  scope: ActorScope<Snapshot, LifecycleEvent>;
  collected: Action[];
}

const INERT_INPUT: LifecycleInput = {
  data: {},
  actor: { id: 'system', role: 'system' },
  at: '1970-01-01T00:00:00Z',
};

const scopes = new WeakMap<LifecycleMachine, ReusableScope>();

/** The same answer as `transition(machine, snapshot, event)`: the next snapshot and the actions it would run. */
export function pureTransition(
  machine: LifecycleMachine,
  snapshot: Snapshot,
  event: LifecycleEvent,
): [Snapshot, Action[]] {
  const reusable = scopeOf(machine);
  reusable.collected = [];
  const next = machine.transition(snapshot, event, reusable.scope);
  return [next, reusable.collected];
}

function scopeOf(machine: LifecycleMachine): ReusableScope {
  const cached = scopes.get(machine);
  if (cached) return cached;
  // Inert, as XState's own scope for `transition()`: nothing is logged, emitted, deferred or stopped.
  // The actor is never started; its input only lets the constructor compute a snapshot without failing.
  const self = createActor(machine, { input: INERT_INPUT });
  const reusable: ReusableScope = {
    collected: [],
    scope: {
      self,
      id: '',
      sessionId: '',
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      stopChild: () => undefined,
      system: self.system,
      actionExecutor: (action) => reusable.collected.push(action as Action),
    },
  };
  scopes.set(machine, reusable);
  return reusable;
}
