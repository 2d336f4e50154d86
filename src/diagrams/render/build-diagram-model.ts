import type {
  LifecycleDefinition,
  StateConfig,
  TransitionConfig,
  TransitionsConfig,
} from '../../lifecycle/definition.types';
import type {
  DiagramModel,
  DiagramState,
  DiagramStateKind,
  DiagramTransition,
  DiagramTrigger,
} from './diagram-model.types';
import { resolveTarget, type StateIdLookup } from './resolve-target';
import { afterEventTypeOf, edgeKeyOf, statePathOf } from './state-keys';

/** Reads a definition's machine into states and resolved transitions, in definition order. */
export function buildDiagramModel(definition: LifecycleDefinition): DiagramModel {
  const machine = definition.machine;
  const configs = new Map<DiagramState, StateConfig>();
  const root = buildState(machine, machine.id, [], undefined, configs);
  const all = flatten(root);
  const ids = new Map(all.map((state) => [state.id, state]));
  const byId: StateIdLookup = (id) => ids.get(id);
  const transitions = all.flatMap((state) => transitionsOf(state, configs.get(state) ?? {}, byId));
  return { root, states: all.slice(1), transitions };
}

function buildState(
  config: StateConfig,
  machineId: string,
  path: string[],
  parent: DiagramState | undefined,
  configs: Map<DiagramState, StateConfig>,
): DiagramState {
  const state: DiagramState = {
    path: statePathOf(path),
    key: path[path.length - 1] ?? machineId,
    id: config.id ?? [machineId, ...path].join('.'),
    kind: kindOf(config),
    label: config.meta?.label,
    parent,
    children: [],
    initial: config.initial,
  };
  configs.set(state, config);
  for (const [key, child] of Object.entries(config.states ?? {})) {
    state.children.push(buildState(child, machineId, [...path, key], state, configs));
  }
  return state;
}

/** XState's rule: an explicit type wins, otherwise child states make a compound state. */
function kindOf(config: StateConfig): DiagramStateKind {
  if (config.type !== undefined) return config.type;
  return Object.keys(config.states ?? {}).length > 0 ? 'compound' : 'atomic';
}

function flatten(state: DiagramState): DiagramState[] {
  return [state, ...state.children.flatMap(flatten)];
}

function transitionsOf(state: DiagramState, config: StateConfig, byId: StateIdLookup): DiagramTransition[] {
  const onEvents = Object.entries(config.on ?? {}).flatMap(([event, transitions]) =>
    toArray(transitions).map((transition) =>
      toTransition(state, { kind: 'event', event }, event, transition, byId),
    ),
  );
  const delayed = Object.entries(config.after ?? {}).flatMap(([delay, transitions]) =>
    toArray(transitions).map((transition) =>
      toTransition(state, { kind: 'after', delay }, afterEventTypeOf(delay, state.id), transition, byId),
    ),
  );
  return [...onEvents, ...delayed];
}

function toTransition(
  source: DiagramState,
  trigger: DiagramTrigger,
  eventType: string,
  config: TransitionConfig,
  byId: StateIdLookup,
): DiagramTransition {
  const target = config.target === undefined ? undefined : resolveTarget(source, config.target, byId);
  return {
    source,
    target,
    trigger,
    eventType,
    guard: config.guard,
    key: edgeKeyOf(source.path, target?.path ?? '', eventType),
  };
}

function toArray(transitions: TransitionsConfig): TransitionConfig[] {
  return Array.isArray(transitions) ? transitions : [transitions];
}
