import { Query } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';
import type { ProjectPageView } from '../../project.views';

export interface ProjectFilters {
  state?: string;
  enterpriseId?: string;
  definition?: string;
  overdue?: boolean;
  q?: string;
}

export class ListProjectsQuery extends Query<ProjectPageView> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly filters: ProjectFilters,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
