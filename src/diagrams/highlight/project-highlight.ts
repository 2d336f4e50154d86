import type { DiagramHighlight } from '../render';
import { edgeKeyOf, leafStatePathsOf, statePathOf } from '../render';
import { createMachine } from '../../lifecycle/machine-factory';
import { replay, type ReplayInput } from '../../lifecycle/replay';
import type { LifecycleDefinition } from '../../lifecycle/definition.types';
import type { LifecycleEvent, RecordedEvent, Refusal, SnapshotJson } from '../../lifecycle/engine.types';
import { activePathsOf } from './active-paths';

export type HighlightResult = { ok: true; highlight: DiagramHighlight } | { ok: false; index: number; refusal: Refusal };

/** One transition XState took, as diagrams name it. */
interface TakenTransition {
  key: string;
  targetPath: string | undefined;
  /** True when the target is entered anew (re-entry, or a target outside the source). */
  entersTarget: boolean;
}

/**
 * Lights a project's diagram from its stream alone: replays the events through the pinned definition,
 * asks XState which transitions each event took (so edge keys match `edgeKeyOf`), and records when
 * every state was entered.
 */
export function projectHighlight(
  definition: LifecycleDefinition,
  creation: ReplayInput,
  events: readonly RecordedEvent[],
): HighlightResult {
  const replayed = replay(definition, creation, events);
  if (!replayed.ok) return { ok: false, index: replayed.index, refusal: replayed.refusal };
  const { snapshots } = replayed;
  const taken: Record<string, number> = {};
  const entries: Record<string, string[]> = {};
  const enter = (path: string, at: string) => (entries[path] ??= []).push(at);
  for (const path of activePathsOf(snapshots[0].value)) enter(path, creation.at);
  events.forEach((event, index) => {
    const before = snapshots[index];
    const after = snapshots[index + 1];
    const transitions = takenTransitions(definition, before, event);
    for (const t of transitions) taken[t.key] = (taken[t.key] ?? 0) + 1;
    for (const path of enteredPaths(before, after, transitions)) enter(path, event.at);
  });
  const last = snapshots[snapshots.length - 1];
  return { ok: true, highlight: { current: leafStatePathsOf(last.value), taken, entries } };
}

function takenTransitions(
  definition: LifecycleDefinition,
  before: SnapshotJson,
  event: RecordedEvent,
): TakenTransition[] {
  const machine = createMachine(definition);
  const resolved = machine.resolveState({ value: before.value, context: before.context });
  const lifecycleEvent: LifecycleEvent = { type: event.type, payload: event.payload, actor: event.actor, at: event.at };
  return machine.getTransitionData(resolved, lifecycleEvent).flatMap((t): TakenTransition[] => {
    const source = statePathOf(t.source.path);
    const targets = t.target ?? [];
    if (targets.length === 0) return [{ key: edgeKeyOf(source, '', t.eventType), targetPath: undefined, entersTarget: false }];
    return targets.map((target) => {
      const targetPath = statePathOf(target.path);
      const inside = targetPath === source || targetPath.startsWith(source === '' ? '' : `${source}.`);
      return { key: edgeKeyOf(source, targetPath, t.eventType), targetPath, entersTarget: t.reenter || !inside };
    });
  });
}

/** States active after but not before, and targets (with their active descendants) entered again. */
function enteredPaths(before: SnapshotJson, after: SnapshotJson, transitions: TakenTransition[]): string[] {
  const was = new Set(activePathsOf(before.value));
  const now = activePathsOf(after.value);
  const reentered = transitions.flatMap((t) =>
    t.entersTarget && t.targetPath !== undefined ? [t.targetPath] : [],
  );
  return now.filter(
    (path) => !was.has(path) || reentered.some((target) => path === target || path.startsWith(`${target}.`)),
  );
}
