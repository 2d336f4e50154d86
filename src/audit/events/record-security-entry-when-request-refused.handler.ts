import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { RequestRefused } from '../../common/events/request-refused.event';

/**
 * A refused attempt is not an event of the project, so it is stored apart, in its own transaction,
 * append-only. Losing one is logged, never thrown back into the request that was already answered.
 */
@EventsHandler(RequestRefused)
export class RecordSecurityEntryWhenRequestRefused implements IEventHandler<RequestRefused> {
  private readonly logger = new Logger('Audit');

  constructor(private readonly em: EntityManager) {}

  async handle(event: RequestRefused): Promise<void> {
    try {
      await this.em.getConnection().execute(
        `insert into security_entries
           (principal_id, role, project_id, event_type, status, reason, detail, request_id, occurred_at)
         values (?, ?, ?::uuid, ?, ?, ?, ?::jsonb, ?, ?::timestamptz)`,
        [
          event.principalId,
          event.role,
          event.projectId,
          event.eventType?.slice(0, 128) ?? null,
          event.status,
          event.reason.slice(0, 64),
          JSON.stringify(event.detail),
          event.requestId,
          event.occurredAt,
        ],
      );
    } catch (error) {
      this.logger.error(
        `could not record a security entry: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
