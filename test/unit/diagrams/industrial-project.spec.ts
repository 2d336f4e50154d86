import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDiagramModel, definitionToMermaid, SvgRenderer } from '../../../src/diagrams/render';
import type { LifecycleDefinition } from '../../../src/lifecycle/definition.types';
import { parseSvg } from './support/parse-svg';

const file = join(__dirname, '../../../workflows/industrial-project.json');

// The shipped lifecycle is written by another part of the project; until it exists there is nothing to draw.
describe('the shipped industrial-project lifecycle', () => {
  const definition = (): LifecycleDefinition => JSON.parse(readFileSync(file, 'utf8')) as LifecycleDefinition;
  const renderer = new SvgRenderer();

  it.each(['zh', 'en'] as const)('renders in %s with every state label, deterministically', async (lang) => {
    const svg = await renderer.render(definition(), { lang });
    const shown = parseSvg(svg)
      .flatMap((group) => group.texts)
      .join('\n')
      .replace(/\u00a0/g, '');
    for (const state of buildDiagramModel(definition()).states) {
      expect(shown).toContain(state.label?.[lang] ?? state.key);
    }
    expect(await new SvgRenderer().render(definition(), { lang })).toBe(svg);
  });

  it('exports Mermaid text naming every state', () => {
    const mermaid = definitionToMermaid(definition());
    expect(mermaid.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const state of buildDiagramModel(definition()).states) expect(mermaid).toContain(`"${state.label?.zh}"`);
  });
});
