import { ProblemException } from '../common/problem';

/** `If-Match: "7"` (also `W/"7"` or a bare 7): the version the caller last saw. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(-?\d{1,10})"?\s*$/.exec(header);
  if (!match) {
    throw ProblemException.validation([
      { path: '/headers/if-match', message: 'must be an entity tag such as "7"' },
    ]);
  }
  return Number(match[1]);
}

/** Idempotency keys: 1 to 255 printable ASCII characters, scoped to the calling principal. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x20-\x7e]{1,255}$/.test(header)) {
    throw ProblemException.validation([
      { path: '/headers/idempotency-key', message: 'must be 1 to 255 printable ASCII characters' },
    ]);
  }
  return header;
}
