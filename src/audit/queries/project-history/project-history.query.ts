import { Query } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';

export interface HistoryDocument {
  contentType: string;
  filename: string;
  chunks: AsyncIterable<string>;
}

/** A project's history as JSON or CSV, streamed. */
export class ProjectHistoryQuery extends Query<HistoryDocument> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly projectId: string,
    readonly format: 'json' | 'csv',
  ) {
    super();
  }
}
