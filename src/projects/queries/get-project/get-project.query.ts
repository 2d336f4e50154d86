import { Query } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';
import type { ProjectView } from '../../project.views';

export class GetProjectQuery extends Query<ProjectView> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly projectId: string,
  ) {
    super();
  }
}
