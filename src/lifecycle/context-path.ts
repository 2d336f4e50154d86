/**
 * Dotted references into a lifecycle's context and creation data (`context.plannedCompletion`,
 * `data.industry`), and immutable writes into the context. Segments are plain names only, so a definition
 * can never reach `__proto__` or an object's prototype.
 */
import type { JsonObject, JsonValue } from './definition.types';

export const SEGMENT_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,63}$';
const SEGMENT = new RegExp(SEGMENT_PATTERN);
/** A context path: one or more segments joined by dots. */
export const CONTEXT_PATH_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_]{0,63}){0,7}$';
/** A reference: `context.` or `data.` followed by a context path. */
export const REF_PATTERN =
  '^(context|data)\\.[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z][A-Za-z0-9_]{0,63}){0,7}$';

/** Whether `value` is a non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits a dotted path; null when any segment is not a plain name. */
export function splitPath(path: string): string[] | null {
  const segments = path.split('.');
  return segments.every((segment) => SEGMENT.test(segment)) ? segments : null;
}

/** Reads a dotted path from an object; undefined when any step is missing. */
export function readPath(root: JsonValue | undefined, path: string): JsonValue | undefined {
  const segments = splitPath(path);
  if (!segments) return undefined;
  let current: JsonValue | undefined = root;
  for (const segment of segments) {
    if (!isJsonObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/** Resolves `context.x` or `data.x` against a context whose creation data sits under `context.data`. */
export function readRef(context: JsonObject, ref: string): JsonValue | undefined {
  if (ref.startsWith('context.')) return readPath(context, ref.slice('context.'.length));
  if (ref.startsWith('data.')) return readPath(context.data, ref.slice('data.'.length));
  return undefined;
}

/** Returns a copy of `root` with `value` written at the dotted path, creating objects on the way. */
export function writePath(root: JsonObject, path: string, value: JsonValue): JsonObject {
  const segments = splitPath(path);
  if (!segments) return root;
  const [head, ...rest] = segments;
  if (rest.length === 0) return { ...root, [head]: value };
  const child = root[head];
  return { ...root, [head]: writePath(isJsonObject(child) ? child : {}, rest.join('.'), value) };
}
