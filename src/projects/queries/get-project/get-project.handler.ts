import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { isInScope } from '../../../auth/principal';
import { Clock } from '../../../common/clock';
import { ProblemException } from '../../../common/problem';
import { PROJECT_COLUMNS, projectViewOf, type ProjectRow, type ProjectView } from '../../project.views';
import { GetProjectQuery } from './get-project.query';

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetProjectQuery): Promise<ProjectView> {
    const rows = await this.em
      .getConnection()
      .execute<ProjectRow[]>(`select ${PROJECT_COLUMNS} from projects where id = ?`, [query.projectId]);
    const row = rows[0];
    // Another enterprise's project does not exist for the caller: 404, not 403.
    if (!row || !isInScope(query.principal, row.enterprise_id))
      throw ProblemException.notFound(`No project ${query.projectId}.`);
    return projectViewOf(row, this.clock.now());
  }
}
