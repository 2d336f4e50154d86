import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProblemException } from '../../../common/problem';
import { DefinitionVersionEntity } from '../../definition-version.entity';
import { DefinitionVersionView } from '../../definition.views';
import { GetDefinitionVersionQuery } from './get-definition-version.query';

@QueryHandler(GetDefinitionVersionQuery)
export class GetDefinitionVersionHandler implements IQueryHandler<GetDefinitionVersionQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: GetDefinitionVersionQuery): Promise<DefinitionVersionView> {
    const entity = await this.em
      .fork()
      .findOne(DefinitionVersionEntity, { key: query.key, version: query.version });
    if (!entity || (entity.status === 'draft' && !query.includeDrafts)) {
      throw ProblemException.notFound(`No version ${query.version} of definition ${query.key}.`);
    }
    return DefinitionVersionView.full(entity);
  }
}
