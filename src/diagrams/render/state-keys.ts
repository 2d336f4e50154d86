import type { StateValue } from 'xstate';

/**
 * How diagrams name states and transitions, so the engine can compute the same names from an event
 * history (e.g. with `machine.getTransitionData(snapshot, event)`, whose items carry `source`,
 * `target` and `eventType`).
 */

/** A state's path: its keys from the root, dot-joined (`construction.active`). The root is `''`. */
export function statePathOf(path: readonly string[]): string {
  return path.join('.');
}

/**
 * An edge's key: `${sourcePath}->${targetPath}:${eventType}`.
 * - `sourcePath` is the state whose `on`/`after` declares the transition (`''` for the root `on`).
 * - `targetPath` is the resolved target's state path, `''` for a targetless transition.
 * - `eventType` is XState's: the event name, or `xstate.after.<delay>.<source state id>` for `after`.
 */
export function edgeKeyOf(sourcePath: string, targetPath: string, eventType: string): string {
  return `${sourcePath}->${targetPath}:${eventType}`;
}

/** XState's event type for a delayed transition (`createAfterEvent` in xstate). */
export function afterEventTypeOf(delay: string, sourceStateId: string): string {
  return `xstate.after.${delay}.${sourceStateId}`;
}

/** The paths of the active leaf states of an XState state value (`{a: {b: 'c'}}` gives `['a.b.c']`). */
export function leafStatePathsOf(value: StateValue, prefix: readonly string[] = []): string[] {
  if (typeof value === 'string') return [statePathOf([...prefix, value])];
  return Object.keys(value).flatMap((key) => {
    const child = value[key];
    return child === undefined ? [statePathOf([...prefix, key])] : leafStatePathsOf(child, [...prefix, key]);
  });
}
