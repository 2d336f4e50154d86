import { ProblemException } from '../../../common/problem';

/** Keyset position: the sort value and id of the last row of a page, opaque to callers. */
export interface ProjectCursor {
  sort: 'created' | 'overdue';
  at: string;
  id: string;
}

export function encodeCursor(cursor: ProjectCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.at, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string, sort: ProjectCursor['sort']): ProjectCursor {
  try {
    const [kind, at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      kind === sort &&
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/.test(id)
    ) {
      return { sort, at, id };
    }
  } catch {
    // fall through to the refusal below
  }
  throw ProblemException.validation([{ path: '/cursor', message: 'is not a cursor from this listing' }]);
}
