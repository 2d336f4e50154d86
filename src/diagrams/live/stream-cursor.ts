import { ProblemException } from '../../common/problem';

/**
 * A position in the global event order (recorded_at, project_id, version), as the SSE `id` of each
 * message: `<recorded_at in microseconds since 1970>.<project id>.<version>`. A reconnecting client sends
 * it back as Last-Event-ID.
 */
export interface StreamCursor {
  micros: string;
  projectId: string;
  version: number;
}

const CURSOR = /^([0-9]{1,18})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([1-9][0-9]{0,8})$/;

/** Throws a 422 naming Last-Event-ID when the value is not a cursor this service gave out. */
export function parseStreamCursor(value: string): StreamCursor {
  const match = CURSOR.exec(value.trim());
  if (!match) {
    throw ProblemException.validation(
      [{ path: '/headers/last-event-id', message: 'must be the id of a message this stream sent' }],
      'Last-Event-ID is not a stream position.',
    );
  }
  return { micros: match[1], projectId: match[2], version: Number(match[3]) };
}
