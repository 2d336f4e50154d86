import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProblemException } from '../../../common/problem';
import type { LifecycleDefinition } from '../../../lifecycle/definition.types';
import { GetPublishedDefinitionQuery, type PublishedDefinition } from './get-published-definition.query';

interface Row {
  version: number;
  body: LifecycleDefinition;
}

/**
 * Published versions never change, so each is read from the database once per process and kept;
 * the same object then keys the engine's machine and validator caches.
 */
@QueryHandler(GetPublishedDefinitionQuery)
export class GetPublishedDefinitionHandler implements IQueryHandler<GetPublishedDefinitionQuery> {
  private readonly cache = new Map<string, PublishedDefinition>();

  constructor(private readonly em: EntityManager) {}

  async execute({ key, version }: GetPublishedDefinitionQuery): Promise<PublishedDefinition> {
    const cached = version === undefined ? undefined : this.cache.get(`${key}@${version}`);
    if (cached) return cached;
    const rows = await this.em.getConnection().execute<Row[]>(
      `select version, body from definition_versions where key = ? and status = 'published'
       ${version === undefined ? '' : 'and version = ?'} order by version desc limit 1`,
      version === undefined ? [key] : [key, version],
    );
    const row = rows[0];
    if (!row) {
      throw ProblemException.notFound(
        version === undefined
          ? `No published definition ${key}.`
          : `No published version ${version} of definition ${key}.`,
      );
    }
    const known = this.cache.get(`${key}@${row.version}`);
    if (known) return known;
    const published = { key, version: row.version, definition: row.body };
    this.cache.set(`${key}@${row.version}`, published);
    return published;
  }
}
