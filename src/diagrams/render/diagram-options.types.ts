export type DiagramLang = 'zh' | 'en';

/** What happened to one project, for lighting its diagram. */
export interface DiagramHighlight {
  /** Active states, as state paths (`construction.active`) or XState ids (`industrial-project.construction.active`, `#id`). */
  current: string[];
  /** Times each transition was taken, by edge key (see `edgeKeyOf`). */
  taken: Record<string, number>;
  /** ISO times each state was entered, by state path. */
  entries: Record<string, string[]>;
}

/** How many projects are in each state now and how many ever reached it, by state path. */
export type DiagramCounts = Record<string, { now: number; ever: number }>;

export interface DiagramOptions {
  /** Label language; `zh` when omitted. */
  lang?: DiagramLang;
  highlight?: DiagramHighlight;
  counts?: DiagramCounts;
}
