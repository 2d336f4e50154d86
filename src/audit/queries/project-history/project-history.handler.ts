import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProjectAccess } from '../../../projects/project-access';
import { historyCsv, historyJson, historyRecords } from '../../export/history-lines';
import { inSnapshot } from '../../sql';
import { ProjectHistoryQuery, type HistoryDocument } from './project-history.query';

@QueryHandler(ProjectHistoryQuery)
export class ProjectHistoryHandler implements IQueryHandler<ProjectHistoryQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ProjectAccess,
  ) {}

  async execute(query: ProjectHistoryQuery): Promise<HistoryDocument> {
    await this.access.require(query.principal, query.projectId);
    const records = inSnapshot(this.em, (sql) => historyRecords(sql, query.projectId));
    return query.format === 'csv'
      ? {
          contentType: 'text/csv; charset=utf-8',
          filename: `${query.projectId}.history.csv`,
          chunks: historyCsv(records),
        }
      : {
          contentType: 'application/json; charset=utf-8',
          filename: `${query.projectId}.history.json`,
          chunks: historyJson(query.projectId, records),
        };
  }
}
