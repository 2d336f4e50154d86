import type { LocalizedLabel, NamedRef } from '../../lifecycle/definition.types';

export type DiagramStateKind = 'atomic' | 'compound' | 'parallel' | 'final';

/** One state of a definition, with what drawing needs and nothing else. */
export interface DiagramState {
  /** Dot-joined key path from the root (see `statePathOf`); `''` for the root. */
  path: string;
  key: string;
  /** XState's id: the configured `id`, else `<machine id>.<path>`. */
  id: string;
  kind: DiagramStateKind;
  label: LocalizedLabel | undefined;
  parent: DiagramState | undefined;
  /** In definition order. */
  children: DiagramState[];
  /** Key of the initial child of a compound state. */
  initial: string | undefined;
}

export type DiagramTrigger = { kind: 'event'; event: string } | { kind: 'after'; delay: string };

/** One transition as declared (one edge per array item of `on`/`after`), with its target resolved. */
export interface DiagramTransition {
  source: DiagramState;
  /** Undefined for a targetless transition (a record that changes no state). */
  target: DiagramState | undefined;
  trigger: DiagramTrigger;
  /** XState's event type (`xstate.after.<delay>.<source id>` for delayed transitions). */
  eventType: string;
  guard: NamedRef | undefined;
  /** `edgeKeyOf(source.path, target path, eventType)`. */
  key: string;
}

export interface DiagramModel {
  root: DiagramState;
  /** Every state but the root, depth first in definition order. */
  states: DiagramState[];
  /** In definition order: states depth first, each state's `on` then its `after`. */
  transitions: DiagramTransition[];
}
