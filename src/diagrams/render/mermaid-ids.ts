import type { DiagramState } from './diagram-model.types';

/** Words Mermaid's state diagram grammar reserves; a state named so gets a prefix. */
const RESERVED = new Set(['end', 'state', 'note', 'direction', 'class', 'classdef', 'style', 'as', 'left', 'right', 'of']);

/**
 * Mermaid-safe ids (`[A-Za-z0-9_]`) from state paths, in definition order: `construction.active`
 * becomes `construction_active`; a clash gets `_2`, `_3`, ... in that order, so ids never depend on
 * anything but the definition.
 */
export function mermaidIdsOf(states: readonly DiagramState[]): Map<DiagramState, string> {
  const ids = new Map<DiagramState, string>();
  const taken = new Set<string>(['any_open_state']);
  for (const state of states) {
    const base = sanitize(state.path);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(state, id);
  }
  return ids;
}

function sanitize(path: string): string {
  const id = path.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'state';
  return /^[0-9]/.test(id) || RESERVED.has(id.toLowerCase()) ? `s_${id}` : id;
}
