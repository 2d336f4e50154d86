import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { problemType, titleFor, type ProblemDocument } from './problem';
import { sendProblem } from './problem.filter';
import { requestIdFor } from './request-id';

export const BODY_LIMIT = '256kb';
/** Definitions get room to be refused with their problems (422) rather than by size alone (413). */
export const DEFINITION_BODY_LIMIT = '2mb';

type ErrorHandler = (err: unknown, req: Request, res: Response, next: NextFunction) => void;
interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
}

const JSON_TYPES = ['application/json', 'application/*+json'];

/** JSON bodies up to 256 kB; parse failures answer as problem documents like everything else. */
export function jsonBody(): [RequestHandler, ErrorHandler] {
  return [json({ limit: BODY_LIMIT, type: JSON_TYPES }), bodyErrors(BODY_LIMIT, false)];
}

/** The definitions API: a larger limit, and text that is not JSON is a 422 naming the problem. */
export function definitionJsonBody(): [RequestHandler, ErrorHandler] {
  return [json({ limit: DEFINITION_BODY_LIMIT, type: JSON_TYPES }), bodyErrors(DEFINITION_BODY_LIMIT, true)];
}

function bodyErrors(limit: string, parseErrorIsUnprocessable: boolean): ErrorHandler {
  return (err, req, res, next) => {
    const error = err as BodyParserError;
    if (typeof error?.type !== 'string' || typeof error.status !== 'number') return next(err);
    const problem = describe(error, limit, parseErrorIsUnprocessable);
    sendProblem(res, { ...problem, instance: req.originalUrl, requestId: requestIdFor(req, res) });
  };
}

function describe(
  error: BodyParserError,
  limit: string,
  parseErrorIsUnprocessable: boolean,
): ProblemDocument {
  if (error.type === 'entity.too.large') {
    return problem(413, 'too-large', `The request body exceeds the limit of ${limit}.`);
  }
  if (error.type === 'entity.parse.failed') {
    if (!parseErrorIsUnprocessable)
      return problem(400, 'malformed-body', 'The request body is not valid JSON.');
    return {
      ...problem(422, 'invalid-definition', 'The definition is not valid JSON.'),
      errors: [{ path: '', message: `not valid JSON: ${error.message ?? 'parse error'}` }],
    };
  }
  return problem(
    error.status ?? 400,
    'malformed-body',
    `The request body could not be read (${error.type}).`,
  );
}

function problem(status: number, slug: string, detail: string): ProblemDocument {
  return { type: problemType(slug), title: titleFor(status), status, detail };
}
