import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import type { SecurityEntryView } from '../../audit.views';
import { isoOf } from '../../verify/database-source';
import { ListSecurityEntriesQuery } from './list-security-entries.query';

interface Row {
  id: string;
  principal_id: string;
  role: string;
  project_id: string | null;
  event_type: string | null;
  status: number;
  reason: string;
  detail: Record<string, unknown>;
  request_id: string | null;
  occurred_at: Date;
  recorded_at: Date;
}

@QueryHandler(ListSecurityEntriesQuery)
export class ListSecurityEntriesHandler implements IQueryHandler<ListSecurityEntriesQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(
    query: ListSecurityEntriesQuery,
  ): Promise<{ items: SecurityEntryView[]; nextCursor?: string }> {
    const rows = await this.em.getConnection().execute<Row[]>(
      `select id::text as id, principal_id, role, project_id, event_type, status, reason, detail, request_id,
              occurred_at, recorded_at
       from security_entries
       where (?::uuid is null or project_id = ?::uuid) and (?::bigint is null or id < ?::bigint)
       order by id desc limit ?`,
      [
        query.projectId ?? null,
        query.projectId ?? null,
        query.cursor ?? null,
        query.cursor ?? null,
        query.limit + 1,
      ],
    );
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        principalId: row.principal_id,
        role: row.role,
        projectId: row.project_id,
        eventType: row.event_type,
        status: row.status,
        reason: row.reason,
        detail: row.detail,
        requestId: row.request_id,
        occurredAt: isoOf(row.occurred_at),
        recordedAt: isoOf(row.recorded_at),
      })),
      nextCursor: rows.length > query.limit ? page[page.length - 1].id : undefined,
    };
  }
}
