import type { DiagramState, DiagramTransition } from './diagram-model.types';
import type { DotAttributes } from './dot-syntax';

/** Colours, fonts and line widths of the diagrams, in one place. */

/** What SVG viewers get: CJK-capable families first, each viewer picks the first it has. */
export const FONT_FAMILY = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif';
/**
 * What Graphviz lays out with: the WASM build has no fonts and estimates text widths from built-in
 * tables, Helvetica's being closest to the sans fonts above. The SVG renderer swaps the family back.
 */
export const LAYOUT_FONT = 'Helvetica';

const INK = '#3d4b5c';
const MUTED = '#a3adb8';
const TAKEN = '#1f5fbf';
const CURRENT_FILL = '#ffd54f';
const CURRENT_BORDER = '#b26a00';
/** Light to dark; index 0 is "nobody here". */
const HEAT = ['#ffffff', '#e3f0fd', '#b9d8f8', '#86b9ef', '#5697e0'] as const;

export const GRAPH_DEFAULTS: DotAttributes = {
  compound: 'true',
  rankdir: 'TB',
  newrank: 'true',
  nodesep: 0.35,
  ranksep: 0.45,
  fontname: LAYOUT_FONT,
  fontsize: 16,
  labelloc: 't',
  fontcolor: INK,
  bgcolor: 'white',
  pad: 0.25,
};
export const NODE_DEFAULTS: DotAttributes = {
  shape: 'box',
  style: 'rounded,filled',
  fillcolor: '#ffffff',
  color: INK,
  fontname: LAYOUT_FONT,
  fontsize: 12,
  fontcolor: '#1f2933',
  margin: '0.2,0.07',
  height: 0.42,
};
export const EDGE_DEFAULTS: DotAttributes = {
  fontname: LAYOUT_FONT,
  fontsize: 10,
  color: INK,
  fontcolor: INK,
  arrowsize: 0.7,
};

export const INITIAL_POINT: DotAttributes = { shape: 'point', width: 0.14, height: 0.14, color: INK, fillcolor: INK };
export const NOTE_NODE: DotAttributes = {
  shape: 'note',
  style: 'filled',
  fillcolor: '#fff8e1',
  color: '#c9a227',
  fontsize: 11,
};

export interface StateLook {
  current: boolean;
  /** Holds a current state (for compound states). */
  containsCurrent: boolean;
  /** 0 (nobody) to 4 (most crowded); undefined without counts. */
  heat: number | undefined;
}

export function stateNodeStyle(state: DiagramState, look: StateLook): DotAttributes {
  const final = state.kind === 'final';
  const fill = look.current ? CURRENT_FILL : look.heat !== undefined ? HEAT[look.heat] : undefined;
  return {
    fillcolor: fill ?? (final ? '#e6f4ea' : undefined),
    color: look.current ? CURRENT_BORDER : final ? '#2e7d32' : undefined,
    peripheries: final ? 2 : undefined,
    penwidth: look.current ? 2.5 : undefined,
    style: look.current ? 'rounded,filled,bold' : undefined,
  };
}

export function clusterStyle(state: DiagramState, look: StateLook): DotAttributes {
  const region = state.parent?.kind === 'parallel';
  const lit = look.current || look.containsCurrent;
  return {
    style: region ? 'rounded,dashed,filled' : 'rounded,filled',
    fillcolor: look.current ? '#fff3c4' : region ? '#fbfcfe' : '#f3f6fa',
    color: lit ? CURRENT_BORDER : region ? MUTED : '#8293a7',
    penwidth: look.current ? 2.5 : lit ? 1.8 : 1,
    fontname: LAYOUT_FONT,
    fontsize: 13,
    fontcolor: INK,
    labeljust: 'l',
    margin: 12,
  };
}

/** `taken` is undefined when no highlight was asked for, 0 when asked for and not taken. */
export function edgeStyle(transition: DiagramTransition, taken: number | undefined): DotAttributes {
  const delayed = transition.trigger.kind === 'after';
  const style = transition.target === undefined ? 'dotted' : delayed ? 'dashed' : undefined;
  if (taken === undefined) return { style, color: delayed ? '#7b5ea7' : undefined };
  if (taken === 0) return { style, color: MUTED, fontcolor: MUTED };
  return {
    style: style === undefined ? 'bold' : `${style},bold`,
    color: TAKEN,
    fontcolor: TAKEN,
    penwidth: takenPenWidth(taken),
  };
}

/** Grows with the logarithm of the count, capped, so one busy edge does not swallow the picture. */
export function takenPenWidth(count: number): number {
  return Math.min(6, 1.8 + Math.log2(count) * 0.9);
}

/** Grades `now` against the fullest state: 0 for nobody, then 1..4. */
export function heatGrade(now: number, max: number): number {
  if (now <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((now / max) * (HEAT.length - 1)));
}
