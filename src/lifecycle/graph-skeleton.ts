/**
 * The bare structure of a machine for the graph checks: states, ids, initial states and transition
 * targets, nothing else (the graph ignores guards and actions anyway). It is built only when that
 * structure is well-formed and every target resolves, so reachability and liveness can be judged even
 * when other parts of a definition (roles, guards, labels, payload schemas) are broken.
 */
import { isJsonObject } from './context-path';
import type {
  JsonObject,
  JsonValue,
  LifecycleDefinition,
  StateConfig,
  TransitionConfig,
  TransitionsConfig,
} from './definition.types';
import { resolveTarget } from './resolve-target';
import type { StateEntry, StateTree } from './state-tree';

const TYPES = new Set(['atomic', 'compound', 'parallel', 'final']);

/** Sets an own property, so that a name like `__proto__` stays a key and never sets a prototype. */
function own<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function transitionOf(tree: StateTree, entry: StateEntry, value: JsonValue): TransitionConfig | null {
  if (!isJsonObject(value)) return null;
  const { target, reenter } = value;
  if (reenter !== undefined && typeof reenter !== 'boolean') return null;
  if (target === undefined) return {};
  if (typeof target !== 'string' || !resolveTarget(tree, entry.index, target).ok) return null;
  return reenter === undefined ? { target } : { target, reenter };
}

function handlersOf(
  tree: StateTree,
  entry: StateEntry,
  handlers: JsonValue | undefined,
): Record<string, TransitionsConfig> | null {
  if (handlers === undefined) return {};
  if (!isJsonObject(handlers)) return null;
  const result: Record<string, TransitionsConfig> = {};
  for (const [name, value] of Object.entries(handlers)) {
    const list = (Array.isArray(value) ? value : [value]).map((t) => transitionOf(tree, entry, t));
    if (list.some((t) => t === null)) return null;
    own(
      result,
      name,
      list.filter((t): t is TransitionConfig => t !== null),
    );
  }
  return result;
}

function hasWellFormedKeys(config: JsonObject): boolean {
  const { type, id, initial, states } = config;
  if (type !== undefined && (typeof type !== 'string' || !TYPES.has(type))) return false;
  if (id !== undefined && typeof id !== 'string') return false;
  if (initial !== undefined && typeof initial !== 'string') return false;
  return states === undefined || (isJsonObject(states) && Object.values(states).every(isJsonObject));
}

function stateOf(tree: StateTree, entry: StateEntry): StateConfig | null {
  const { config } = entry;
  if (!hasWellFormedKeys(config)) return null;
  const on = handlersOf(tree, entry, config.on);
  const after = handlersOf(tree, entry, config.after);
  if (on === null || after === null) return null;
  const state: StateConfig = {};
  if (typeof config.id === 'string') state.id = config.id;
  if (config.type === 'final') return { ...state, type: 'final' };
  if (config.type === 'parallel') state.type = 'parallel';
  else if (entry.children.size > 0) {
    if (typeof config.initial !== 'string' || !entry.children.has(config.initial)) return null;
    state.initial = config.initial;
  }
  return { ...state, on, after };
}

/** A definition holding only the skeleton of the machine, or null when its structure is unsound. */
export function graphSkeleton(tree: StateTree): LifecycleDefinition | null {
  if (tree.problems.length > 0) return null;
  const states = tree.entries.map((entry) => stateOf(tree, entry));
  if (states.some((state) => state === null)) return null;
  const configs = states.filter((state): state is StateConfig => state !== null);
  for (const entry of tree.entries.slice(1)) {
    const parent = configs[entry.parent ?? 0];
    parent.states ??= {};
    own(parent.states, entry.path[entry.path.length - 1], configs[entry.index]);
  }
  const [root] = configs;
  const rootEntry = tree.entries[0];
  if (typeof rootEntry.config.id !== 'string' || typeof root.initial !== 'string') return null;
  const machine = { ...root, id: rootEntry.config.id, initial: root.initial, states: root.states ?? {} };
  const title = { zh: '', en: '' };
  return { key: machine.id, title, roles: [], data: {}, machine, events: {}, delays: {} };
}
