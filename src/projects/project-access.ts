import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isInScope, type AuthPrincipal } from '../auth/principal';
import { ProblemException } from '../common/problem';

export interface ProjectRef {
  id: string;
  enterpriseId: string;
  definitionKey: string;
  definitionVersion: number;
}

/** The enterprise-scoping check every per-project read shares: unknown or not yours is 404. */
@Injectable()
export class ProjectAccess {
  constructor(private readonly em: EntityManager) {}

  async require(principal: AuthPrincipal, projectId: string): Promise<ProjectRef> {
    const rows = await this.em
      .getConnection()
      .execute<{ enterprise_id: string; definition_key: string; definition_version: number }[]>(
        'select enterprise_id, definition_key, definition_version from projects where id = ?',
        [projectId],
      );
    const row = rows[0];
    if (!row || !isInScope(principal, row.enterprise_id))
      throw ProblemException.notFound(`No project ${projectId}.`);
    return {
      id: projectId,
      enterpriseId: row.enterprise_id,
      definitionKey: row.definition_key,
      definitionVersion: row.definition_version,
    };
  }
}
