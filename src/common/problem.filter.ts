import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDocument, ProblemException, problemType, titleFor } from './problem';
import { requestIdFor } from './request-id';

/** Turns every error into an RFC 9457 problem document; unexpected ones are logged, never leaked. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const problem = this.toProblem(exception, req);
    if (problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    sendProblem(res, { ...problem, instance: req.originalUrl, requestId: requestIdFor(req, res) });
  }

  private toProblem(exception: unknown, req: Request): ProblemDocument {
    if (exception instanceof ProblemException) return exception.toDocument();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const detail =
        status === 404 ? `No route for ${req.method} ${req.path}.` : (exception.message ?? titleFor(status));
      return { type: problemType(slugFor(status)), title: titleFor(status), status, detail };
    }
    return {
      type: problemType('internal'),
      title: titleFor(500),
      status: 500,
      detail: 'An unexpected error occurred; it has been logged with this request id.',
    };
  }
}

function slugFor(status: number): string {
  const slugs: Record<number, string> = {
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not-found',
    413: 'too-large',
  };
  return slugs[status] ?? `http-${status}`;
}

export function sendProblem(res: Response, problem: ProblemDocument): void {
  if (res.headersSent) return;
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
