/**
 * Reachability and liveness over the static graph of the machine (`toDirectedGraph`): guards are ignored
 * on purpose, the question is whether a state *could* be reached and whether a final state *could*
 * follow. Entering a state enters its ancestors and its initial child (all children when parallel); while
 * in a state, the transitions of all its ancestors apply. Runs only on definitions whose targets resolve.
 */
import { toDirectedGraph, type DirectedGraphNode } from '@xstate/graph';
import type { StateNode } from 'xstate';
import type { DefinitionProblem } from './engine.types';
import type { LifecycleMachine } from './machine-builder';
import { escapePointer } from './validate-shape';

type AnyNode = StateNode<never, never> | DirectedGraphNode['stateNode'];

interface Graph {
  nodes: Map<string, DirectedGraphNode>;
  /** Target ids of each node's own transitions. */
  targets: Map<string, string[]>;
}

function flatten(root: DirectedGraphNode): Graph {
  const nodes = new Map<string, DirectedGraphNode>();
  const targets = new Map<string, string[]>();
  const queue = [root];
  for (let node = queue.shift(); node; node = queue.shift()) {
    nodes.set(node.id, node);
    targets.set(
      node.id,
      node.edges.map((edge) => edge.target.id),
    );
    queue.push(...node.children);
  }
  return { nodes, targets };
}

/** The children entered with `id` by default: the initial child, or all children of a parallel state. */
function defaultChildren(graph: Graph, id: string): string[] {
  const node = graph.nodes.get(id)?.stateNode;
  if (node?.type === 'parallel') return Object.values(node.states).map((child) => child.id);
  if (node?.type === 'compound') return (node.initial?.target ?? []).map((child) => child.id);
  return [];
}

function ancestors(graph: Graph, id: string): string[] {
  const result: string[] = [];
  for (let up: AnyNode | undefined = graph.nodes.get(id)?.stateNode.parent; up; up = up.parent)
    result.push(up.id);
  return result;
}

/** Targets of the transitions that apply while `id` is active: its own and its ancestors'. */
function applicableTargets(graph: Graph, id: string): string[] {
  return [id, ...ancestors(graph, id)].flatMap((node) => graph.targets.get(node) ?? []);
}

/** What entering `id` activates: it, its ancestors, and its default descendants. */
function entering(graph: Graph, id: string): string[] {
  const result = [...ancestors(graph, id)];
  const queue = [id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    result.push(next);
    queue.push(...defaultChildren(graph, next));
  }
  return result;
}

function reachableFrom(graph: Graph, start: string): Set<string> {
  const seen = new Set(entering(graph, start));
  const queue = [...seen];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const target of graph.targets.get(id) ?? []) {
      const fresh = entering(graph, target).filter((next) => !seen.has(next));
      fresh.forEach((next) => seen.add(next));
      queue.push(...fresh);
    }
  }
  return seen;
}

/** Nodes from which some final state is reachable, by fixpoint over "what may be active next". */
function canFinish(graph: Graph): Set<string> {
  const done = new Set(
    [...graph.nodes.values()].filter((n) => n.stateNode.type === 'final').map((n) => n.id),
  );
  const next = (id: string) => [...defaultChildren(graph, id), ...applicableTargets(graph, id)];
  for (let changed = true; changed;) {
    changed = false;
    for (const id of graph.nodes.keys()) {
      if (done.has(id) || !next(id).some((n) => done.has(n))) continue;
      done.add(id);
      changed = true;
    }
  }
  return done;
}

function pointerOf(node: DirectedGraphNode): string {
  return `/machine${node.stateNode.path.map((segment) => `/states/${escapePointer(segment)}`).join('')}`;
}

/** Unreachable states and non-final states with no way to a final state. */
export function checkGraph(machine: LifecycleMachine): DefinitionProblem[] {
  const graph = flatten(toDirectedGraph(machine));
  const reachable = reachableFrom(graph, machine.root.id);
  const finishing = canFinish(graph);
  const problems: DefinitionProblem[] = [];
  for (const node of graph.nodes.values()) {
    if (node.id === machine.root.id) continue;
    if (!reachable.has(node.id))
      problems.push({
        path: pointerOf(node),
        message: `state "${node.id}" is unreachable from the initial state`,
      });
    if (node.stateNode.type !== 'final' && !finishing.has(node.id)) {
      problems.push({
        path: pointerOf(node),
        message: `no final state can be reached from state "${node.id}"`,
      });
    }
  }
  return problems;
}
