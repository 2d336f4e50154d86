import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProblemException } from '../../../common/problem';
import { AUDIT_SETTINGS, type AuditSettings } from '../../audit-settings';
import { sqlOfEntityManager, withSnapshot, type SqlQuery } from '../../sql';
import { verifyDatabase } from '../../verify/verify-database';
import type { VerifyResult } from '../../verify/verify-result';
import { VerifyAuditQuery } from './verify-audit.query';

@QueryHandler(VerifyAuditQuery)
export class VerifyAuditHandler implements IQueryHandler<VerifyAuditQuery> {
  constructor(
    private readonly em: EntityManager,
    @Inject(AUDIT_SETTINGS) private readonly settings: AuditSettings,
  ) {}

  async execute({ projectId }: VerifyAuditQuery): Promise<VerifyResult> {
    if (projectId !== undefined) await this.requireKnown(sqlOfEntityManager(this.em), projectId);
    const pinnedKey = this.settings.checkpointPublicKey;
    return withSnapshot(this.em, (sql) => verifyDatabase(sql, { projectId, pinnedKey }));
  }

  /** Known means any trace of it: a project whose row was deleted still has events to verify. */
  private async requireKnown(sql: SqlQuery, projectId: string): Promise<void> {
    const rows = await sql<{ known: boolean }>(
      `select exists (select 1 from projects where id = ?::uuid)
           or exists (select 1 from events where project_id = ?::uuid)
           or exists (select 1 from audit_entries where project_id = ?::uuid)
           or exists (select 1 from checkpoint_heads where project_id = ?::uuid) as known`,
      [projectId, projectId, projectId, projectId],
    );
    if (!rows[0].known) throw ProblemException.notFound(`No project ${projectId}.`);
  }
}
