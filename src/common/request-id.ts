import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's request id when it is safe to log and echo back, otherwise makes one. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const request = req as IncomingMessage & { id?: unknown };
  if (typeof request.id === 'string') return request.id;
  const given = req.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  request.id = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
