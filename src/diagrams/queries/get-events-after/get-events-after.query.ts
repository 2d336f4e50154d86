import { Query } from '@nestjs/cqrs';
import type { EnterpriseScope } from '../../../auth/principal';
import type { LiveEvent } from '../../live/live-event';
import type { StreamCursor } from '../../live/stream-cursor';

/**
 * Events a reconnecting stream client may have missed, oldest first, at most `limit`: with `after`
 * from a previous page, strictly after it; with `resume`, from a little before the client's last
 * position (see the handler).
 */
export class GetEventsAfterQuery extends Query<LiveEvent[]> {
  constructor(
    readonly scope: EnterpriseScope,
    readonly from: { resume: StreamCursor } | { after: StreamCursor },
    readonly limit: number,
  ) {
    super();
  }
}
