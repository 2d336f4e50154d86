import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock } from '../../../common/clock';
import { exportLines } from '../../export/export-lines';
import { inSnapshot } from '../../sql';
import { ExportAuditQuery } from './export-audit.query';

@QueryHandler(ExportAuditQuery)
export class ExportAuditHandler implements IQueryHandler<ExportAuditQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  execute(): Promise<AsyncIterable<string>> {
    const exportedAt = this.clock.now().toISOString();
    return Promise.resolve(inSnapshot(this.em, (sql) => exportLines(sql, exportedAt)));
  }
}
