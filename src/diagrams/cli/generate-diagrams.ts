/**
 * `npm run diagrams`: draws every definition in workflows/ into diagrams/ (SVG in Chinese and English,
 * Mermaid). `--check` writes nothing and exits 1 naming each stale or missing file; `--out <dir>`
 * writes to (or checks) another folder.
 */
import { generateDiagrams, generateOptions } from './diagram-generator';

Promise.resolve()
  .then(() =>
    generateDiagrams(
      generateOptions(process.argv.slice(2)),
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    ),
  )
  .then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`diagrams: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
