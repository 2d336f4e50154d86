/**
 * The checks that must run before anything recursive looks at a definition: it is a plain JSON object,
 * not cyclic, not nested absurdly deep and not too large. Iterative, so a 100,000-level input cannot
 * overflow the stack.
 */
import { MAX_DEFINITION_BYTES, MAX_JSON_DEPTH } from './definition.schema';
import type { DefinitionProblem } from './engine.types';

type Walk = { ok: true } | { ok: false; problem: DefinitionProblem };

// A cycle shows up as infinite depth; shared sub-objects (fine in JSON built in code) are bounded by this.
const MAX_NODES = 200_000;

/** Depth-first walk with an explicit stack; stops at the first value nested deeper than the limit. */
function walkDepth(root: object): Walk {
  const stack: { value: object; depth: number; path: string }[] = [{ value: root, depth: 0, path: '' }];
  for (let visited = 0; stack.length > 0; visited++) {
    const { value, depth, path } = stack.pop() ?? { value: root, depth: 0, path: '' };
    if (depth > MAX_JSON_DEPTH) {
      const message = `nesting deeper than ${MAX_JSON_DEPTH} levels (or a cyclic structure)`;
      return { ok: false, problem: { path: path.slice(0, 400), message } };
    }
    if (visited > MAX_NODES)
      return { ok: false, problem: { path: '', message: `more than ${MAX_NODES} values` } };
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, depth: depth + 1, path: `${path}/${escapePointer(key)}` });
      }
    }
  }
  return { ok: true };
}

/** JSON-pointer escaping of one path segment. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Problems that make every further check meaningless; empty when the definition may be inspected. */
export function checkShape(json: unknown): DefinitionProblem[] {
  if (Array.isArray(json)) return [{ path: '', message: 'a definition must be a JSON object, not an array' }];
  if (typeof json !== 'object' || json === null) {
    return [
      {
        path: '',
        message: `a definition must be a JSON object, not ${json === null ? 'null' : typeof json}`,
      },
    ];
  }
  const walk = walkDepth(json);
  if (!walk.ok) return [walk.problem];
  const bytes = Buffer.byteLength(JSON.stringify(json), 'utf8');
  if (bytes > MAX_DEFINITION_BYTES) {
    return [
      {
        path: '',
        message: `definition is ${bytes} bytes, larger than the limit of ${MAX_DEFINITION_BYTES} bytes`,
      },
    ];
  }
  return [];
}
