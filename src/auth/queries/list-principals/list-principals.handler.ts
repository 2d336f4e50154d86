import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { PrincipalEntity } from '../../principal.entity';
import { PrincipalView } from '../../principal.view';
import { ListPrincipalsQuery } from './list-principals.query';

@QueryHandler(ListPrincipalsQuery)
export class ListPrincipalsHandler implements IQueryHandler<ListPrincipalsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute(): Promise<PrincipalView[]> {
    const principals = await this.em
      .fork()
      .find(PrincipalEntity, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return principals.map((principal) => PrincipalView.of(principal));
  }
}
