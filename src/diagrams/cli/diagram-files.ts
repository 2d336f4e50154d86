import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { LifecycleDefinition } from '../../lifecycle/definition.types';
import { definitionToMermaid, SvgRenderer } from '../render';

export interface DiagramFile {
  path: string;
  content: string;
}

/** Where a file is off: absent, or present with other bytes than the definition gives now. */
export interface DiagramProblem {
  path: string;
  problem: 'missing' | 'stale';
}

/** The SVG (Chinese and English) and Mermaid of every definition in `workflowsDir`, placed in `outDir`. */
export async function expectedDiagramFiles(
  workflowsDir: string,
  outDir: string,
  renderer = new SvgRenderer(),
): Promise<DiagramFile[]> {
  const files: DiagramFile[] = [];
  for (const name of readdirSync(workflowsDir).filter((file) => file.endsWith('.json')).sort()) {
    const definition = JSON.parse(readFileSync(join(workflowsDir, name), 'utf8')) as LifecycleDefinition;
    const base = join(outDir, definition.key);
    for (const lang of ['zh', 'en'] as const) {
      files.push({ path: `${base}.${lang}.svg`, content: await renderer.render(definition, { lang }) });
    }
    files.push({ path: `${base}.mmd`, content: definitionToMermaid(definition) });
  }
  return files;
}

export function diagramProblems(files: readonly DiagramFile[]): DiagramProblem[] {
  return files.flatMap((file): DiagramProblem[] => {
    if (!existsSync(file.path)) return [{ path: file.path, problem: 'missing' }];
    return readFileSync(file.path, 'utf8') === file.content ? [] : [{ path: file.path, problem: 'stale' }];
  });
}

export function writeDiagramFiles(files: readonly DiagramFile[], outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  for (const file of files) writeFileSync(file.path, file.content);
}

/** A path as people read it in a log: relative when under the working directory, absolute otherwise. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const inside = relative(cwd, path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
