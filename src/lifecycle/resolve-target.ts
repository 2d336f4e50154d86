/**
 * Resolves a transition target the way XState v5 does (`resolveTarget`): `#id.child` by id, `.child`
 * below the source, anything else below the source's parent; the root accepts only `.child` and `#id`.
 * XState resolves lazily and throws mid-transition, so validation resolves every target up front.
 */
import type { StateTree } from './state-tree';

export type Resolved = { ok: true; index: number } | { ok: false; message: string };

function descend(tree: StateTree, from: number, segments: string[], target: string): Resolved {
  let cursor = from;
  for (const segment of segments) {
    const next = tree.entries[cursor].children.get(segment);
    if (next === undefined)
      return {
        ok: false,
        message: `unknown target "${target}": no state "${segment}" in ${tree.entries[cursor].id}`,
      };
    cursor = next;
  }
  return { ok: true, index: cursor };
}

/** The entry index `target` names when written on the state at `source`. */
export function resolveTarget(tree: StateTree, source: number, target: string): Resolved {
  if (target.startsWith('#')) {
    const [id, ...rest] = target.slice(1).split('.');
    const byId = tree.byId.get(id);
    return byId === undefined
      ? { ok: false, message: `unknown target "${target}": no state has id "${id}"` }
      : descend(tree, byId, rest, target);
  }
  if (target.startsWith('.')) return descend(tree, source, target.slice(1).split('.'), target);
  const parent = tree.entries[source].parent;
  if (parent === null)
    return { ok: false, message: `target "${target}" on the root must be ".${target}" or "#id"` };
  return descend(tree, parent, target.split('.'), target);
}
