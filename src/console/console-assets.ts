import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Where `scripts/build-console.mjs` writes the bundle: `dist/console/public` under the package root.
 * Found from the package root so the same code serves it from `dist/` (npm start) and `src/` (tests).
 */
export function consoleAssetsDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'public');
    dir = parent;
  }
  return join(dir, 'dist', 'console', 'public');
}

export function contentTypeOf(file: string): string | undefined {
  return CONTENT_TYPES[extname(file).toLowerCase()];
}

/** The file under `root` a request path names, or undefined when it would leave `root`. */
export function assetPath(root: string, requested: string): string | undefined {
  const full = resolve(root, '.' + sep + requested);
  return full.startsWith(root + sep) ? full : undefined;
}
