import { Query } from '@nestjs/cqrs';
import type { PrincipalView } from '../../principal.view';

export class ListPrincipalsQuery extends Query<PrincipalView[]> {}
