import type { LifecycleDefinition } from '../../lifecycle/definition.types';
import { buildDiagramModel } from './build-diagram-model';
import type { DiagramModel, DiagramState, DiagramTransition } from './diagram-model.types';
import type { DiagramLang } from './diagram-options.types';
import { DIAGRAM_WORDS, stateLabelOf, transitionLabelOf } from './diagram-text';
import { mermaidIdsOf } from './mermaid-ids';

const ANY_OPEN_ID = 'any_open_state';

interface MermaidContext {
  definition: LifecycleDefinition;
  lang: DiagramLang;
  ids: Map<DiagramState, string>;
  out: string[];
}

/**
 * A definition as Mermaid `stateDiagram-v2` text (an export format: Mermaid cannot render in Node).
 * Composite states nest, parallel regions are separated by `--`, transitions follow the blocks.
 */
export function definitionToMermaid(definition: LifecycleDefinition, options: { lang?: DiagramLang } = {}): string {
  const model = buildDiagramModel(definition);
  const ctx: MermaidContext = { definition, lang: options.lang ?? 'zh', ids: mermaidIdsOf(model.states), out: [] };
  ctx.out.push('stateDiagram-v2', `  %% ${mermaidText(definition.title[ctx.lang])}`);
  writeBody(model.root, ctx, '  ');
  writeAnyOpen(model, ctx);
  for (const transition of model.transitions) writeTransition(transition, ctx);
  return ctx.out.join('\n') + '\n';
}

function writeBody(state: DiagramState, ctx: MermaidContext, indent: string): void {
  if (state.kind === 'parallel') {
    state.children.forEach((region, index) => {
      if (index > 0) ctx.out.push(`${indent}--`);
      writeState(region, ctx, indent);
    });
    return;
  }
  const initial = state.children.find((child) => child.key === state.initial) ?? state.children[0];
  if (initial !== undefined) ctx.out.push(`${indent}[*] --> ${idOf(initial, ctx)}`);
  for (const child of state.children) writeState(child, ctx, indent);
}

function writeState(state: DiagramState, ctx: MermaidContext, indent: string): void {
  const id = idOf(state, ctx);
  ctx.out.push(`${indent}state "${mermaidText(stateLabelOf(state, ctx.lang))}" as ${id}`);
  if (state.children.length > 0) {
    ctx.out.push(`${indent}state ${id} {`);
    writeBody(state, ctx, `${indent}  `);
    ctx.out.push(`${indent}}`);
  }
  if (state.kind === 'final') ctx.out.push(`${indent}${id} --> [*]`);
}

/** Root transitions hold in every open state: drawn once from one pseudo-state, records in a note. */
function writeAnyOpen(model: DiagramModel, ctx: MermaidContext): void {
  const rootTransitions = model.transitions.filter((transition) => transition.source === model.root);
  if (rootTransitions.length === 0) return;
  const words = DIAGRAM_WORDS[ctx.lang];
  ctx.out.push(`  state "${mermaidText(words.anyOpenState)}" as ${ANY_OPEN_ID}`);
  ctx.out.push(`  classDef anyOpen fill:#fff8e1,stroke:#c9a227,stroke-dasharray:4 3`);
  ctx.out.push(`  class ${ANY_OPEN_ID} anyOpen`);
  const records = rootTransitions.filter((transition) => transition.target === undefined);
  if (records.length === 0) return;
  ctx.out.push(`  note right of ${ANY_OPEN_ID}`, `    ${mermaidText(words.recordsOnly)}`);
  for (const record of records) ctx.out.push(`    ${mermaidText(labelOf(record, ctx))}`);
  ctx.out.push('  end note');
}

function writeTransition(transition: DiagramTransition, ctx: MermaidContext): void {
  const fromRoot = transition.source.parent === undefined;
  if (fromRoot && transition.target === undefined) return;
  const from = fromRoot ? ANY_OPEN_ID : idOf(transition.source, ctx);
  const to = idOf(transition.target ?? transition.source, ctx);
  ctx.out.push(`  ${from} --> ${to} : ${mermaidText(labelOf(transition, ctx))}`);
}

function labelOf(transition: DiagramTransition, ctx: MermaidContext): string {
  return transitionLabelOf(transition, ctx.definition, ctx.lang);
}

function idOf(state: DiagramState, ctx: MermaidContext): string {
  const id = ctx.ids.get(state);
  if (id === undefined) throw new Error(`No Mermaid id for state "${state.path}"`);
  return id;
}

const MERMAID_ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  ';': '#59;',
  '<': '#lt;',
  '>': '#gt;',
  '{': '#123;',
  '}': '#125;',
};

/** Mermaid entity codes (in one pass) for what would end a label or a line early, or be read as markup. */
export function mermaidText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[#";<>{}]/g, (char) => MERMAID_ENTITIES[char] ?? char);
}
