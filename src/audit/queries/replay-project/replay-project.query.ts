import { Query } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';
import type { ReplayView } from '../../replay/replay-view';

/** Rebuild a project from its events up to a version or an instant. */
export class ReplayProjectQuery extends Query<ReplayView> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly projectId: string,
    readonly to?: string,
    readonly at?: string,
  ) {
    super();
  }
}
