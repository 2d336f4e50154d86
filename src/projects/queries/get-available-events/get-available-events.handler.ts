import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import { availableEvents } from '../../../lifecycle/available-events';
import type { SnapshotJson } from '../../../lifecycle/engine.types';
import { snapshotSql } from '../../../event-store/snapshot-sql';
import { ProjectAccess } from '../../project-access';
import type { AvailableEventView } from '../../project.views';
import { GetAvailableEventsQuery } from './get-available-events.query';

@QueryHandler(GetAvailableEventsQuery)
export class GetAvailableEventsHandler implements IQueryHandler<GetAvailableEventsQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ProjectAccess,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: GetAvailableEventsQuery): Promise<AvailableEventView[]> {
    const project = await this.access.require(query.principal, query.projectId);
    const { definition } = await this.queries.execute(
      new GetPublishedDefinitionQuery(project.definitionKey, project.definitionVersion),
    );
    const rows = await this.em
      .getConnection()
      .execute<{ snapshot: SnapshotJson }[]>(
        `select ${snapshotSql('p')} as snapshot from projects p where id = ?`,
        [query.projectId],
      );
    return availableEvents(definition, rows[0].snapshot, query.principal.role);
  }
}
