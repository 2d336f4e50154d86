import type { LifecycleDefinition } from '../../lifecycle/definition.types';
import { buildDiagramModel } from './build-diagram-model';
import type { DiagramModel, DiagramState, DiagramTransition } from './diagram-model.types';
import type { DiagramLang, DiagramOptions } from './diagram-options.types';
import { DIAGRAM_WORDS, stateLabelOf, transitionDetailOf, transitionLabelOf } from './diagram-text';
import { centredLines, centredThenLeft, dotAttributes, dotId, leftJustified, type DotAttributes } from './dot-syntax';
import {
  EDGE_DEFAULTS,
  GRAPH_DEFAULTS,
  INITIAL_POINT,
  NODE_DEFAULTS,
  NOTE_NODE,
  clusterStyle,
  edgeStyle,
  heatGrade,
  stateNodeStyle,
  type StateLook,
} from './dot-style';

/** Draws a lifecycle definition as Graphviz DOT. Pure: the same input gives the same bytes. */
export function definitionToDot(definition: LifecycleDefinition, options: DiagramOptions = {}): string {
  return modelToDot(buildDiagramModel(definition), definition, options);
}

interface DotContext {
  definition: LifecycleDefinition;
  lang: DiagramLang;
  options: DiagramOptions;
  current: ReadonlySet<DiagramState>;
  transitions: readonly DiagramTransition[];
  heatMax: number;
  out: string[];
}

const ANY_OPEN_NODE = 'any-open-state';

export function modelToDot(model: DiagramModel, definition: LifecycleDefinition, options: DiagramOptions): string {
  const ctx: DotContext = {
    definition,
    lang: options.lang ?? 'zh',
    options,
    current: currentStates(model, options.highlight?.current ?? []),
    transitions: model.transitions,
    heatMax: Math.max(0, ...Object.values(options.counts ?? {}).map((count) => count.now)),
    out: [],
  };
  ctx.out.push(`digraph ${dotId(definition.key)} {`);
  ctx.out.push(`  graph${dotAttributes({ ...GRAPH_DEFAULTS, label: definition.title[ctx.lang] })};`);
  ctx.out.push(`  node${dotAttributes(NODE_DEFAULTS)};`);
  ctx.out.push(`  edge${dotAttributes(EDGE_DEFAULTS)};`);
  writeChildren(model.root, ctx, '  ');
  const rootTransitions = model.transitions.filter((transition) => transition.source === model.root);
  writeAnyOpenNote(rootTransitions, ctx);
  for (const transition of model.transitions) writeTransition(transition, ctx);
  ctx.out.push('}');
  return ctx.out.join('\n') + '\n';
}

/** Accepts state paths and XState ids (with or without `#`). */
function currentStates(model: DiagramModel, current: readonly string[]): Set<DiagramState> {
  const wanted = new Set(current.map((name) => name.replace(/^#/, '')));
  return new Set(model.states.filter((state) => wanted.has(state.path) || wanted.has(state.id)));
}

function writeChildren(state: DiagramState, ctx: DotContext, indent: string): void {
  if (state.kind === 'compound') writeInitial(state, ctx, indent);
  for (const child of state.children) {
    if (isCluster(child)) writeCluster(child, ctx, indent);
    else ctx.out.push(`${indent}${nodeId(child)}${dotAttributes(stateNodeAttributes(child, ctx))};`);
  }
}

/** The small filled point and its arrow into the initial child. */
function writeInitial(state: DiagramState, ctx: DotContext, indent: string): void {
  const initial = state.children.find((child) => child.key === state.initial) ?? state.children[0];
  if (initial === undefined) return;
  const point = initialPointId(state);
  ctx.out.push(`${indent}${point}${dotAttributes({ ...INITIAL_POINT, tooltip: stateLabelOf(initial, ctx.lang) })};`);
  const head = endpointInto(initial, state);
  ctx.out.push(`${indent}${point} -> ${head.node}${dotAttributes({ lhead: head.cluster })};`);
}

function writeCluster(state: DiagramState, ctx: DotContext, indent: string): void {
  const look = lookOf(state, ctx);
  ctx.out.push(`${indent}subgraph "${clusterName(state)}" {`);
  const label = { label: stateLabel(state, ctx), tooltip: tooltipOf(state, ctx) };
  ctx.out.push(`${indent}  graph${dotAttributes({ ...clusterStyle(state, look), ...label })};`);
  writeChildren(state, ctx, `${indent}  `);
  if (state.kind === 'parallel') writeRegionsSideBySide(state, ctx, `${indent}  `);
  ctx.out.push(`${indent}}`);
}

/** Regions of a parallel state start on one rank, so they sit side by side. */
function writeRegionsSideBySide(state: DiagramState, ctx: DotContext, indent: string): void {
  const starts = state.children.map(entryNode);
  ctx.out.push(`${indent}{ rank=same; ${starts.join('; ')}; }`);
}

function stateNodeAttributes(state: DiagramState, ctx: DotContext): DotAttributes {
  return {
    label: stateLabel(state, ctx),
    tooltip: tooltipOf(state, ctx),
    ...stateNodeStyle(state, lookOf(state, ctx)),
  };
}

/** Name and counts centred, then the transitions that stay in the state, like UML internal transitions. */
function stateLabel(state: DiagramState, ctx: DotContext): DotAttributes[string] {
  return centredThenLeft(stateLines(state, ctx), recordLines(state, ctx));
}

/** The state's name, then `现有 12 · 累计 65` when counts were given. */
function stateLines(state: DiagramState, ctx: DotContext): string[] {
  const count = ctx.options.counts?.[state.path];
  const name = stateLabelOf(state, ctx.lang);
  if (ctx.options.counts === undefined) return [name];
  return [name, DIAGRAM_WORDS[ctx.lang].counts(count?.now ?? 0, count?.ever ?? 0)];
}

/**
 * A state's targetless transitions (reports, reminders, flags), listed under its name: as self-loops
 * their labels pile up on top of each other.
 */
function recordLines(state: DiagramState, ctx: DotContext): string[] {
  const records = ctx.transitions.filter((transition) => transition.source === state && !transition.target);
  return records.map((record) => (record.trigger.kind === 'event' ? '↻ ' : '') + edgeLabel(record, ctx));
}

/** The state's name, then its entry times when highlighting a project. */
function tooltipOf(state: DiagramState, ctx: DotContext): string {
  const name = stateLabelOf(state, ctx.lang);
  const highlight = ctx.options.highlight;
  if (highlight === undefined) return name;
  const words = DIAGRAM_WORDS[ctx.lang];
  const times = highlight.entries[state.path] ?? [];
  return times.length === 0 ? `${name}\n${words.notEntered}` : [name, words.entered, ...times].join('\n');
}

function lookOf(state: DiagramState, ctx: DotContext): StateLook {
  const count = ctx.options.counts?.[state.path];
  return {
    current: ctx.current.has(state),
    containsCurrent: [...ctx.current].some((active) => isInside(active, state) && active !== state),
    heat: ctx.options.counts === undefined ? undefined : heatGrade(count?.now ?? 0, ctx.heatMax),
  };
}

/**
 * Root transitions apply in every open state: drawn once, from a note, with the targetless ones
 * (service records such as coaching) listed in the note instead of as loops on every state.
 */
function writeAnyOpenNote(rootTransitions: readonly DiagramTransition[], ctx: DotContext): void {
  if (rootTransitions.length === 0) return;
  const records = rootTransitions.filter((transition) => transition.target === undefined);
  const words = DIAGRAM_WORDS[ctx.lang];
  const lines: string[] = [words.anyOpenState];
  if (records.length > 0) lines.push(words.recordsOnly, ...records.map((record) => `• ${edgeLabel(record, ctx)}`));
  ctx.out.push(`  ${dotId(ANY_OPEN_NODE)}${dotAttributes({ ...NOTE_NODE, label: leftJustified(lines) })};`);
}

function writeTransition(transition: DiagramTransition, ctx: DotContext): void {
  // Targetless transitions are listed in the state's label (the root's in the note) instead.
  const target = transition.target;
  if (target === undefined) return;
  const fromRoot = transition.source.parent === undefined;
  const tail = fromRoot ? { node: dotId(ANY_OPEN_NODE), cluster: undefined } : endpointOutOf(transition.source, target);
  const head = endpointInto(target, fromRoot ? undefined : transition.source);
  const loop = tail.node === head.node;
  const attributes: DotAttributes = {
    label: centredLines([edgeLabel(transition, ctx)]),
    tooltip: transitionDetailOf(transition, ctx.definition),
    ltail: loop ? undefined : tail.cluster,
    lhead: loop ? undefined : head.cluster,
    ...edgeStyle(transition, takenCount(transition, ctx)),
  };
  ctx.out.push(`  ${tail.node} -> ${head.node}${dotAttributes(attributes)};`);
}

function edgeLabel(transition: DiagramTransition, ctx: DotContext): string {
  const label = transitionLabelOf(transition, ctx.definition, ctx.lang);
  const taken = takenCount(transition, ctx) ?? 0;
  return taken > 0 ? `${label} ×${taken}` : label;
}

function takenCount(transition: DiagramTransition, ctx: DotContext): number | undefined {
  const highlight = ctx.options.highlight;
  return highlight === undefined ? undefined : (highlight.taken[transition.key] ?? 0);
}

interface Endpoint {
  node: string;
  cluster: string | undefined;
}

/**
 * Edges leave a compound state clipped at its border (`ltail`), drawn from its last leaf: states are
 * usually listed in flow order, so that leaf sits low and the edge does not drag the cluster apart.
 */
function endpointOutOf(source: DiagramState, target: DiagramState): Endpoint {
  const node = nodeId(lastLeaf(source));
  const clipped = isCluster(source) && !isInside(target, source);
  return { node, cluster: clipped ? clusterName(source) : undefined };
}

/**
 * Edges enter a compound state clipped at its border (`lhead`), aimed at its initial point: the
 * topmost node inside, so the arrow lands on the cluster's top and the layout keeps flowing down.
 */
function endpointInto(target: DiagramState, source: DiagramState | undefined): Endpoint {
  const node = entryNode(target);
  const clipped = isCluster(target) && (source === undefined || !isInside(source, target));
  return { node, cluster: clipped ? clusterName(target) : undefined };
}

/** The node an entering edge aims at: the initial point of a compound state (first region's, if parallel). */
function entryNode(state: DiagramState): string {
  if (state.kind === 'compound' && isCluster(state)) return initialPointId(state);
  const firstRegion = state.children[0];
  return firstRegion === undefined ? nodeId(state) : entryNode(firstRegion);
}

function lastLeaf(state: DiagramState): DiagramState {
  const last = state.children[state.children.length - 1];
  return last === undefined ? state : lastLeaf(last);
}

function isCluster(state: DiagramState): boolean {
  return state.children.length > 0;
}

function isInside(state: DiagramState, ancestor: DiagramState): boolean {
  for (let node: DiagramState | undefined = state; node !== undefined; node = node.parent) {
    if (node === ancestor) return true;
  }
  return false;
}

function initialPointId(state: DiagramState): string {
  return dotId(`initial_${state.path}`);
}

function nodeId(state: DiagramState): string {
  return dotId(`state_${state.path}`);
}

/** Graphviz draws a subgraph as a box only when its name starts with `cluster`. */
function clusterName(state: DiagramState): string {
  return `cluster_${encodeURIComponent(state.path)}`;
}
