import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { DefinitionVersionEntity } from '../../definition-version.entity';
import { DefinitionKeyView, DefinitionVersionSummary } from '../../definition.views';
import { ListDefinitionsQuery } from './list-definitions.query';

@QueryHandler(ListDefinitionsQuery)
export class ListDefinitionsHandler implements IQueryHandler<ListDefinitionsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: ListDefinitionsQuery): Promise<DefinitionKeyView[]> {
    const where = query.includeDrafts ? {} : { status: 'published' as const };
    const versions = await this.em
      .fork()
      .find(DefinitionVersionEntity, where, { orderBy: { key: 'asc', version: 'asc' } });
    const byKey = new Map<string, DefinitionKeyView>();
    for (const entity of versions) {
      const view = byKey.get(entity.key) ?? { key: entity.key, versions: [] };
      view.versions.push(DefinitionVersionSummary.of(entity));
      if (entity.status === 'published') view.latestPublished = entity.version;
      byKey.set(entity.key, view);
    }
    return [...byKey.values()];
  }
}
