import { HttpException } from '@nestjs/common';

/** One field-level problem; `path` is a JSON Pointer into the request (`/payload/percentComplete`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** RFC 9457 problem details, as every error answer of the API carries them. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemType(slug: string): string {
  return `https://waypost.dev/problems/${slug}`;
}

export function titleFor(status: number): string {
  return TITLES[status] ?? 'Error';
}

/** An error that already knows its problem document. Thrown anywhere, rendered by ProblemFilter. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }

  static validation(errors: FieldProblem[], detail = 'The request has invalid fields.'): ProblemException {
    return new ProblemException(422, 'validation', detail, { errors });
  }

  static notFound(detail: string): ProblemException {
    return new ProblemException(404, 'not-found', detail);
  }

  static forbidden(detail: string, extensions: Record<string, unknown> = {}): ProblemException {
    return new ProblemException(403, 'forbidden', detail, extensions);
  }

  static conflict(slug: string, detail: string, extensions: Record<string, unknown> = {}): ProblemException {
    return new ProblemException(409, slug, detail, extensions);
  }

  toDocument(): ProblemDocument {
    return {
      type: problemType(this.slug),
      title: titleFor(this.getStatus()),
      status: this.getStatus(),
      detail: this.detail,
      ...this.extensions,
    };
  }
}
