import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { problemType, titleFor } from './problem';
import { sendProblem } from './problem.filter';
import { requestIdFor } from './request-id';

export const BODY_LIMIT = '256kb';

/** JSON bodies up to 256 kB; parse failures answer as problem documents like everything else. */
export function jsonBody(): [
  RequestHandler,
  (err: unknown, req: Request, res: Response, next: NextFunction) => void,
] {
  return [json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }), bodyErrors];
}

interface BodyParserError {
  type?: string;
  status?: number;
}

function bodyErrors(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const error = err as BodyParserError;
  if (typeof error?.type !== 'string' || typeof error.status !== 'number') return next(err);
  const tooLarge = error.type === 'entity.too.large';
  const detail = tooLarge
    ? `The request body exceeds the limit of ${BODY_LIMIT}.`
    : error.type === 'entity.parse.failed'
      ? 'The request body is not valid JSON.'
      : `The request body could not be read (${error.type}).`;
  const status = tooLarge ? 413 : error.status;
  sendProblem(res, {
    type: problemType(tooLarge ? 'too-large' : 'malformed-body'),
    title: titleFor(status),
    status,
    detail,
    instance: req.originalUrl,
    requestId: requestIdFor(req, res),
  });
}
