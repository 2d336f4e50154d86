import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { label } from './i18n';
import type { Definition, DefinitionVersion, StateNode, StateValue } from './types';

const cache = new Map<string, Promise<Definition>>();

/** A definition version; published versions never change, so each is fetched once per page load. */
export function loadDefinition(key: string, version: number): Promise<Definition> {
  const id = `${key}@${version}`;
  let pending = cache.get(id);
  if (!pending) {
    pending = api<DefinitionVersion>(`/api/definitions/${encodeURIComponent(key)}/versions/${version}`).then(
      (found) => found.definition,
    );
    pending.catch(() => cache.delete(id));
    cache.set(id, pending);
  }
  return pending;
}

export function useDefinition(ref: { key: string; version: number } | undefined): Definition | undefined {
  const [definition, setDefinition] = useState<Definition>();
  useEffect(() => {
    if (!ref) return;
    let live = true;
    loadDefinition(ref.key, ref.version)
      .then((found) => live && setDefinition(found))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [ref?.key, ref?.version]);
  return definition;
}

/** The leaf state paths of an XState state value (`{construction: 'active'}` → `construction.active`). */
export function leafPaths(value: StateValue | undefined, prefix = ''): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, `${prefix}${key}.`));
}

/** `建设中 › 正常建设`: the labels along a state path, from the definition. */
export function statePathLabel(definition: Definition | undefined, path: string): string {
  if (!definition) return path;
  const names: string[] = [];
  let node: StateNode | undefined = definition.machine;
  for (const segment of path.split('.')) {
    node = node?.states?.[segment];
    names.push(label(node?.meta?.label, segment));
  }
  return names.join(' › ');
}

export function stateLabel(definition: Definition | undefined, value: StateValue | undefined): string {
  return leafPaths(value)
    .map((path) => statePathLabel(definition, path))
    .join('，');
}

/** Every state path of a definition, parents before children, for the state filter. */
export function allStatePaths(definition: Definition | undefined): string[] {
  const paths: string[] = [];
  const walk = (node: StateNode, prefix: string) => {
    for (const [key, child] of Object.entries(node.states ?? {})) {
      paths.push(prefix + key);
      walk(child, `${prefix}${key}.`);
    }
  };
  if (definition) walk(definition.machine, '');
  return paths;
}

export function eventLabel(definition: Definition | undefined, type: string): string {
  return label(definition?.events[type]?.label, type);
}
