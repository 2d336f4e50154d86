import type { StateValueJson } from './engine.types';

/**
 * Every path a state value is "in": `{construction: 'active'}` is in `construction` and
 * `construction.active`, so a parent state counts and filters its children.
 */
export function statePathsOf(value: StateValueJson, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value).flatMap(([key, child]) => [
    prefix + key,
    ...statePathsOf(child, `${prefix}${key}.`),
  ]);
}
