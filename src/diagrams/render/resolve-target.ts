import type { DiagramState } from './diagram-model.types';

/** Finds a state by XState id (the configured `id` or the default `<machine id>.<path>`). */
export type StateIdLookup = (id: string) => DiagramState | undefined;

/**
 * Resolves a transition target the way XState v5's `resolveTarget` does: `#id[.path]` by id,
 * `.child` below the source, anything else relative to the source's parent (a sibling path).
 * Throws on a target XState would refuse.
 */
export function resolveTarget(source: DiagramState, target: string, byId: StateIdLookup): DiagramState {
  if (target.startsWith('#')) return resolveById(target, byId);
  if (target.startsWith('.')) return descend(source, splitStatePath(target.slice(1)), byId);
  if (source.parent === undefined) {
    throw new Error(`Invalid target "${target}" from the root state: did you mean ".${target}"?`);
  }
  return descend(source.parent, splitStatePath(target), byId);
}

function resolveById(ref: string, byId: StateIdLookup): DiagramState {
  const [head = '', ...rest] = splitStatePath(ref);
  const found = byId(head.slice(1));
  if (found === undefined) throw new Error(`Unknown state id "${head}"`);
  return descend(found, rest, byId);
}

function descend(from: DiagramState, keys: readonly string[], byId: StateIdLookup): DiagramState {
  let current = from;
  for (const key of keys) {
    // XState stops at an empty segment (a trailing dot).
    if (key === '') break;
    current = key.startsWith('#') ? resolveById(key, byId) : childOf(current, key);
  }
  return current;
}

function childOf(state: DiagramState, key: string): DiagramState {
  const child = state.children.find((candidate) => candidate.key === key);
  if (child === undefined) throw new Error(`State "${state.id}" has no child state "${key}"`);
  return child;
}

/** XState's `toStatePath`: dots separate keys, a backslash escapes the next character. */
export function splitStatePath(text: string): string[] {
  const keys: string[] = [];
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      key += text[i + 1] ?? '';
      i++;
    } else if (char === '.') {
      keys.push(key);
      key = '';
    } else {
      key += char;
    }
  }
  keys.push(key);
  return keys;
}
