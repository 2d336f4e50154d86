import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { GetPublishedDefinitionQuery } from '../../../definitions/queries/get-published-definition/get-published-definition.query';
import { ProjectAccess } from '../../../projects/project-access';
import { drawOr422 } from '../../diagram-too-large.problem';
import { projectHighlight } from '../../highlight/project-highlight';
import { SvgRenderer } from '../../render';
import { NO_CACHE, type RenderedDiagram } from '../../rendered-diagram';
import { GetProjectDiagramQuery } from './get-project-diagram.query';
import { replayInputOf, type StoredEventRow } from './project-stream';

@QueryHandler(GetProjectDiagramQuery)
export class GetProjectDiagramHandler implements IQueryHandler<GetProjectDiagramQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ProjectAccess,
    private readonly queries: QueryBus,
    private readonly renderer: SvgRenderer,
  ) {}

  async execute(query: GetProjectDiagramQuery): Promise<RenderedDiagram> {
    const project = await this.access.require(query.principal, query.projectId);
    const { definition } = await this.queries.execute(
      new GetPublishedDefinitionQuery(project.definitionKey, project.definitionVersion),
    );
    const rows = await this.em.getConnection().execute<StoredEventRow[]>(
      'select version, type, payload, actor_id, actor_role, occurred_at from events where project_id = ? order by version',
      [project.id],
    );
    const { creation, events } = replayInputOf(rows);
    const result = projectHighlight(definition, creation, events);
    // The stream is the truth and replays by design; a refusal means stored data no longer replays.
    if (!result.ok) {
      throw new Error(`project ${project.id}: event ${result.index + 2} does not replay (${result.refusal.kind})`);
    }
    const body = await drawOr422(() =>
      this.renderer.render(definition, { lang: query.lang, highlight: result.highlight }),
    );
    return { body, contentType: 'image/svg+xml; charset=utf-8', cacheControl: NO_CACHE };
  }
}
