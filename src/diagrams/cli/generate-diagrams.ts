/**
 * `npm run diagrams`: draws every definition in workflows/ into diagrams/ (SVG in Chinese and English,
 * Mermaid). `npm run diagrams -- --check` writes nothing and exits 1 naming each stale or missing file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { LifecycleDefinition } from '../../lifecycle/definition.types';
import { definitionToMermaid, SvgRenderer } from '../render';

const ROOT = join(__dirname, '..', '..', '..');
const WORKFLOWS = join(ROOT, 'workflows');
const DIAGRAMS = join(ROOT, 'diagrams');

interface DiagramFile {
  path: string;
  content: string;
}

async function expectedFiles(renderer: SvgRenderer): Promise<DiagramFile[]> {
  const files: DiagramFile[] = [];
  for (const name of readdirSync(WORKFLOWS).filter((file) => file.endsWith('.json')).sort()) {
    const definition = JSON.parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as LifecycleDefinition;
    const base = join(DIAGRAMS, definition.key);
    for (const lang of ['zh', 'en'] as const) {
      files.push({ path: `${base}.${lang}.svg`, content: await renderer.render(definition, { lang }) });
    }
    files.push({ path: `${base}.mmd`, content: definitionToMermaid(definition) });
  }
  return files;
}

function staleFiles(files: DiagramFile[]): string[] {
  return files
    .filter((file) => !existsSync(file.path) || readFileSync(file.path, 'utf8') !== file.content)
    .map((file) => relative(ROOT, file.path));
}

async function main(check: boolean): Promise<number> {
  const files = await expectedFiles(new SvgRenderer());
  if (check) {
    const stale = staleFiles(files);
    for (const path of stale) process.stderr.write(`stale or missing: ${path}\n`);
    return stale.length === 0 ? 0 : 1;
  }
  mkdirSync(DIAGRAMS, { recursive: true });
  for (const file of files) writeFileSync(file.path, file.content);
  process.stdout.write(`wrote ${files.length} files to ${relative(ROOT, DIAGRAMS)}/\n`);
  return 0;
}

main(process.argv.includes('--check')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`diagrams: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
