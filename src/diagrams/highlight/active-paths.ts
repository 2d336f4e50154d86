import type { StateValueJson } from '../../lifecycle/engine.types';

/** Every active state's path, ancestors included (`{a: 'b'}` gives `['a', 'a.b']`), as projects.state_paths holds them. */
export function activePathsOf(value: StateValueJson, prefix = ''): string[] {
  const join = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  if (typeof value === 'string') return [join(value)];
  return Object.entries(value).flatMap(([key, child]) => [join(key), ...activePathsOf(child, join(key))]);
}
