/** What `npm run diagrams` does, apart from the process around it (generate-diagrams.ts). */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diagramProblems, displayPath, expectedDiagramFiles, writeDiagramFiles } from './diagram-files';

const ROOT = join(__dirname, '..', '..', '..');

export interface GenerateOptions {
  check: boolean;
  workflowsDir: string;
  outDir: string;
}

/** `--check` and `--out <dir>` (relative to the working directory); diagrams/ of the checkout by default. */
export function generateOptions(argv: readonly string[]): GenerateOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { check: { type: 'boolean', default: false }, out: { type: 'string' } },
  });
  return {
    check: values.check,
    workflowsDir: join(ROOT, 'workflows'),
    outDir: values.out === undefined ? join(ROOT, 'diagrams') : resolve(values.out),
  };
}

/** Answers the exit code: 0 written or fresh, 1 when the check finds a stale or missing file. */
export async function generateDiagrams(
  options: GenerateOptions,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const files = await expectedDiagramFiles(options.workflowsDir, options.outDir);
  if (options.check) {
    const problems = diagramProblems(files);
    for (const { path, problem } of problems) err(`${problem}: ${displayPath(path)}`);
    if (problems.length > 0) err('run npm run diagrams to regenerate them');
    return problems.length === 0 ? 0 : 1;
  }
  writeDiagramFiles(files, options.outDir);
  out(`wrote ${files.length} files to ${displayPath(options.outDir)}/`);
  return 0;
}

