import { Query } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';
import type { ProjectEventView } from '../../project.views';

export class GetProjectEventsQuery extends Query<ProjectEventView[]> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly projectId: string,
  ) {
    super();
  }
}
