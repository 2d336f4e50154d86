import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import type { JsonObject } from '../../../lifecycle/definition.types';
import type { StateValueJson } from '../../../lifecycle/engine.types';
import { ProjectAccess } from '../../project-access';
import type { ProjectEventView } from '../../project.views';
import { GetProjectEventsQuery } from './get-project-events.query';

interface EventRow {
  version: number;
  type: string;
  payload: JsonObject;
  actor_id: string;
  actor_role: string;
  occurred_at: Date;
  recorded_at: Date;
  state_before: StateValueJson | null;
  state_after: StateValueJson;
  definition_key: string;
  definition_version: number;
  request_id: string | null;
}

const CREATED_LABEL = { zh: '创建项目', en: 'Project created' };

@QueryHandler(GetProjectEventsQuery)
export class GetProjectEventsHandler implements IQueryHandler<GetProjectEventsQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ProjectAccess,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetProjectEventsQuery): Promise<ProjectEventView[]> {
    const project = await this.access.require(query.principal, query.projectId);
    const { definition } = await this.queries.execute(
      new GetPublishedDefinitionQuery(project.definitionKey, project.definitionVersion),
    );
    const rows = await this.em.getConnection().execute<EventRow[]>(
      `select version, type, payload, actor_id, actor_role, occurred_at, recorded_at, state_before, state_after,
              definition_key, definition_version, request_id
       from events where project_id = ? order by version`,
      [query.projectId],
    );
    return rows.map((row) => ({
      version: row.version,
      type: row.type,
      label: row.version === 1 ? CREATED_LABEL : definition.events[row.type]?.label,
      payload: row.payload,
      actor: { id: row.actor_id, role: row.actor_role },
      occurredAt: new Date(row.occurred_at).toISOString(),
      recordedAt: new Date(row.recorded_at).toISOString(),
      stateBefore: row.state_before ?? undefined,
      stateAfter: row.state_after,
      definition: { key: row.definition_key, version: row.definition_version },
      requestId: row.request_id ?? undefined,
    }));
  }
}
