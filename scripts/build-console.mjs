// Bundles the web console (src/console/web) into dist/console/public with esbuild: an ES module entry,
// lazily loaded chunks (the JSON editor), the stylesheet and index.html. `--report` prints the sizes.
import { build } from 'esbuild';
import { copyFile, mkdir, rm, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'console', 'web');
const target = join(root, 'dist', 'console', 'public');
// Written next to the target and swapped in, so a running server never serves a half-written bundle.
const staging = `${target}.${process.pid}.tmp`;

await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });
const result = await build({
  entryPoints: { main: join(source, 'main.tsx'), app: join(source, 'styles.css') },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  target: ['es2022', 'chrome111', 'firefox111', 'safari16'],
  minify: true,
  sourcemap: 'linked',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  chunkNames: 'chunk-[hash]',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(join(source, 'index.html'), join(staging, 'index.html'));
await rm(target, { recursive: true, force: true });
await mkdir(dirname(target), { recursive: true });
await rename(staging, target);

if (process.argv.includes('--report')) {
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => !file.endsWith('.map'));
  for (const [file, output] of outputs) {
    console.log(`${(output.bytes / 1024).toFixed(1).padStart(8)} kB  ${basename(file)}`);
  }
}
