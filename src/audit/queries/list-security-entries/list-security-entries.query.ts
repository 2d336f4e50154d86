import { Query } from '@nestjs/cqrs';
import type { SecurityEntryView } from '../../audit.views';

/** Refused attempts, newest first, optionally of one project; keyset-paged by id. */
export class ListSecurityEntriesQuery extends Query<{ items: SecurityEntryView[]; nextCursor?: string }> {
  constructor(
    readonly projectId: string | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
