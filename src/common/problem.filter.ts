import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Injectable,
  Logger,
  Optional,
} from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { AuthPrincipal } from '../auth/principal';
import { Clock } from './clock';
import { RequestRefused } from './events/request-refused.event';
import { ProblemDocument, ProblemException, problemType, titleFor } from './problem';
import { requestIdFor } from './request-id';

const AUDITED_REFUSALS = new Set([403, 409, 412, 422]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type RequestWithPrincipal = Request & { principal?: AuthPrincipal };

/**
 * Turns every error into an RFC 9457 problem document; unexpected ones are logged, never leaked.
 * A refusal of an authenticated caller is also published, so the audit keeps a security entry of it.
 */
@Catch()
@Injectable()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(
    @Optional() private readonly events?: EventBus,
    @Optional() private readonly clock?: Clock,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<RequestWithPrincipal>();
    const res = ctx.getResponse<Response>();
    const problem = {
      ...this.toProblem(exception, req),
      instance: req.originalUrl,
      requestId: requestIdFor(req, res),
    };
    if (problem.status >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    this.publishRefusal(req, problem, exception);
    sendProblem(res, problem);
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

  private publishRefusal(req: RequestWithPrincipal, problem: ProblemDocument, exception: unknown): void {
    const principal = req.principal;
    if (!principal || !this.events || !this.clock || !AUDITED_REFUSALS.has(problem.status)) return;
    const projectId =
      typeof req.params?.id === 'string' && UUID.test(req.params.id) && req.path.includes('/projects/')
        ? req.params.id
        : null;
    const body = req.body as { type?: unknown } | undefined;
    const reason = exception instanceof ProblemException ? exception.slug : slugFor(problem.status);
    this.events.publish(
      new RequestRefused(
        principal.id,
        principal.role,
        projectId,
        typeof body?.type === 'string' ? body.type : `${req.method} ${req.route?.path ?? req.path}`,
        problem.status,
        reason,
        { ...problem },
        problem.requestId ?? null,
        this.clock.now().toISOString(),
      ),
    );
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
