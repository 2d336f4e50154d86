import { createMachine, type AnyStateNode } from 'xstate';
import { buildDiagramModel, edgeKeyOf, leafStatePathsOf, statePathOf } from '../../../src/diagrams/render';
import type { LifecycleDefinition } from '../../../src/lifecycle/definition.types';
import { sampleLifecycle } from './fixtures/sample-lifecycle';

/** Edge keys as the engine would form them from XState's own transition definitions. */
function xstateEdgeKeys(definition: LifecycleDefinition): string[] {
  const machine = createMachine(definition.machine as Parameters<typeof createMachine>[0]);
  const walk = (node: AnyStateNode): string[] => [
    ...[...node.transitions.values()].flat().map((transition) => {
      const target = (transition.target ?? []).map((state) => statePathOf(state.path)).join(',');
      return edgeKeyOf(statePathOf(node.path), target, transition.eventType);
    }),
    ...Object.values(node.states).flatMap(walk),
  ];
  return walk(machine.root);
}

describe('state paths and edge keys', () => {
  it('joins state keys with dots, the root being the empty path', () => {
    expect(statePathOf(['construction', 'active'])).toBe('construction.active');
    expect(statePathOf([])).toBe('');
  });

  it('forms edge keys as source->target:eventType', () => {
    expect(edgeKeyOf('draft', 'review', 'SUBMIT')).toBe('draft->review:SUBMIT');
  });

  it('lists the active leaves of a state value', () => {
    expect(leafStatePathsOf('draft')).toEqual(['draft']);
    expect(leafStatePathsOf({ construction: { progress: 'building', funding: 'pending' } })).toEqual([
      'construction.progress.building',
      'construction.funding.pending',
    ]);
  });

  it('resolves every target and names every transition exactly as XState does', () => {
    const definition = sampleLifecycle();
    const keys = buildDiagramModel(definition).transitions.map((transition) => transition.key);
    expect([...keys].sort()).toEqual(xstateEdgeKeys(definition).sort());
    expect(keys).toContain('construction->overdue:xstate.after.overdue.sample.construction');
    expect(keys).toContain('->withdrawn:WITHDRAW');
    expect(keys).toContain('->:COACHING');
  });

  it('resolves relative, child, #id and #id.path targets like XState', () => {
    const definition = sampleLifecycle();
    definition.machine.states.review = {
      id: 'rev',
      initial: 'formal',
      states: {
        formal: { on: { A: { target: 'expert' }, B: { target: '#rev.expert' }, C: { target: '#sample.draft' } } },
        expert: { on: { D: { target: '#rev' } } },
      },
      on: { E: { target: '.expert' } },
    };
    const keys = buildDiagramModel(definition).transitions.map((transition) => transition.key);
    expect([...keys].sort()).toEqual(xstateEdgeKeys(definition).sort());
    expect(keys).toEqual(
      expect.arrayContaining([
        'review.formal->review.expert:A',
        'review.formal->review.expert:B',
        'review.formal->draft:C',
        'review.expert->review:D',
        'review->review.expert:E',
      ]),
    );
  });

  it('refuses a target XState would refuse', () => {
    const definition = sampleLifecycle();
    definition.machine.states.draft = { on: { SUBMIT: { target: 'nowhere' } } };
    expect(() => buildDiagramModel(definition)).toThrow(/nowhere/);
  });
});
