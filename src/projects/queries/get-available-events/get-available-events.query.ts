import { Query } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';
import type { AvailableEventView } from '../../project.views';

export class GetAvailableEventsQuery extends Query<AvailableEventView[]> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly projectId: string,
  ) {
    super();
  }
}
