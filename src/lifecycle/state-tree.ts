/**
 * A flat, defensive view of a definition's state tree for validation: every state with its path, JSON
 * pointer, XState id and parent, read from `unknown` so it works on definitions that failed the schema.
 * Breadth-first with a queue (no recursion) and bounded by MAX_STATE_DEPTH and MAX_STATES.
 */
import { isJsonObject } from './context-path';
import { MAX_STATE_DEPTH, MAX_STATES } from './definition.schema';
import type { JsonObject } from './definition.types';
import type { DefinitionProblem } from './engine.types';
import { escapePointer } from './validate-shape';

export interface StateEntry {
  index: number;
  path: string[];
  pointer: string;
  /** The id XState gives the node: its own `id`, else `<machineId>.<path>`. */
  id: string;
  config: JsonObject;
  parent: number | null;
  children: Map<string, number>;
}

export interface StateTree {
  entries: StateEntry[];
  byId: Map<string, number>;
  problems: DefinitionProblem[];
}

function childStates(config: JsonObject): [string, JsonObject][] {
  const states = config.states;
  if (!isJsonObject(states)) return [];
  return Object.entries(states).filter((pair): pair is [string, JsonObject] => isJsonObject(pair[1]));
}

/** Flattens `machine` into entries; problems for depth, count and duplicate ids. */
export function flattenStates(machine: JsonObject): StateTree {
  const machineId = typeof machine.id === 'string' ? machine.id : '(machine)';
  const root: StateEntry = {
    index: 0,
    path: [],
    pointer: '/machine',
    id: machineId,
    config: machine,
    parent: null,
    children: new Map(),
  };
  const entries: StateEntry[] = [root];
  const problems: DefinitionProblem[] = [];
  for (let cursor = 0; cursor < entries.length; cursor++) {
    const entry = entries[cursor];
    const children = childStates(entry.config);
    if (children.length > 0 && entry.path.length >= MAX_STATE_DEPTH) {
      problems.push({
        path: `${entry.pointer}/states`,
        message: `states nested deeper than ${MAX_STATE_DEPTH} levels`,
      });
      continue;
    }
    for (const [name, config] of children) {
      if (entries.length >= MAX_STATES) {
        problems.push({ path: `${entry.pointer}/states`, message: `more than ${MAX_STATES} states` });
        return { entries, byId: new Map(), problems };
      }
      const path = [...entry.path, name];
      const id = typeof config.id === 'string' ? config.id : [machineId, ...path].join('.');
      const pointer = `${entry.pointer}/states/${escapePointer(name)}`;
      entry.children.set(name, entries.length);
      entries.push({
        index: entries.length,
        path,
        pointer,
        id,
        config,
        parent: entry.index,
        children: new Map(),
      });
    }
  }
  return { entries, byId: indexIds(entries, problems), problems };
}

function indexIds(entries: StateEntry[], problems: DefinitionProblem[]): Map<string, number> {
  const byId = new Map<string, number>();
  for (const entry of entries) {
    const previous = byId.get(entry.id);
    if (previous === undefined) byId.set(entry.id, entry.index);
    else
      problems.push({
        path: `${entry.pointer}/id`,
        message: `duplicate state id "${entry.id}" (also ${entries[previous].pointer})`,
      });
  }
  return byId;
}

/** Whether `ancestor` is `entry` or one of its ancestors. */
export function isAncestorOrSelf(tree: StateTree, ancestor: number, entry: number): boolean {
  for (let cursor: number | null = entry; cursor !== null; cursor = tree.entries[cursor].parent) {
    if (cursor === ancestor) return true;
  }
  return false;
}
