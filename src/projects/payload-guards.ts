import type { FieldProblem } from '../common/problem';

/**
 * PostgreSQL's jsonb cannot hold U+0000, so such strings are refused up front with the path of the
 * field, instead of failing at insert time.
 */
export function nulBytePaths(value: unknown, path: string): FieldProblem[] {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ path, message: 'must not contain NUL characters' }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulBytePaths(item, `${path}/${index}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(key.includes('\u0000') ? [{ path, message: 'keys must not contain NUL characters' }] : []),
      ...nulBytePaths(item, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    ]);
  }
  return [];
}
