import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { LIVE_EVENT_JSON, type LiveEvent } from '../../live/live-event';
import { GetEventsAfterQuery } from './get-events-after.query';

/**
 * recorded_at is taken when the row is written, not when it commits, so an event may become visible
 * after a later-stamped one the client already saw. Resuming from RESUME_OVERLAP before the client's
 * position closes that gap; the price is that events of that window may come twice (same `id`).
 */
export const RESUME_OVERLAP = '5 seconds';

const POSITION = `'epoch'::timestamptz + ?::bigint * interval '1 microsecond'`;

@QueryHandler(GetEventsAfterQuery)
export class GetEventsAfterHandler implements IQueryHandler<GetEventsAfterQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: GetEventsAfterQuery): Promise<LiveEvent[]> {
    const enterprise = query.scope.enterpriseId ?? null;
    const [where, params] =
      'resume' in query.from
        ? [
            `e.recorded_at > ${POSITION} - interval '${RESUME_OVERLAP}' and (e.project_id, e.version) <> (?::uuid, ?)`,
            [query.from.resume.micros, query.from.resume.projectId, query.from.resume.version],
          ]
        : [
            `(e.recorded_at, e.project_id, e.version) > (${POSITION}, ?::uuid, ?)`,
            [query.from.after.micros, query.from.after.projectId, query.from.after.version],
          ];
    const rows = await this.em.getConnection().execute<{ event: LiveEvent }[]>(
      `select ${LIVE_EVENT_JSON} as event from events e join projects p on p.id = e.project_id
       where ${where} and (?::text is null or p.enterprise_id = ?)
       order by e.recorded_at, e.project_id, e.version limit ?`,
      [...params, enterprise, enterprise, query.limit],
    );
    return rows.map((row) => row.event);
  }
}
