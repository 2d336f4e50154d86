import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { textArrayLiteral } from '../../database/pg-array';
import { EventAppended } from '../../projects/events/event-appended.event';
import { EVENTS_CHANNEL, LIVE_EVENT_JSON } from '../live/live-event';

/** Events announced by one statement at most; each still gets a notification of its own. */
const MAX_BATCH = 500;

/**
 * Announces each committed event to every instance's stream clients. Built from the stored row, so the
 * message carries the same position (recorded_at) a catch-up read would give. One announcement is in
 * flight at a time and events committed meanwhile go together in the next: under load that is one
 * round trip for many events instead of one each, and alone an event is announced at once.
 */
@EventsHandler(EventAppended)
export class NotifyWhenEventAppended implements IEventHandler<EventAppended> {
  private readonly logger = new Logger('NotifyWhenEventAppended');
  private pending: EventAppended[] = [];
  private announcing = false;

  constructor(private readonly em: EntityManager) {}

  handle(event: EventAppended): void {
    this.pending.push(event);
    if (!this.announcing) void this.announcePending();
  }

  private async announcePending(): Promise<void> {
    this.announcing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      // A lost notification costs a live client nothing it cannot resume; it must not fail the request.
      await this.notify(batch).catch((error: Error) =>
        this.logger.warn(`could not announce ${batch.length} event(s): ${error.message}`),
      );
    }
    this.announcing = false;
  }

  private async notify(batch: EventAppended[]): Promise<void> {
    await this.em.getConnection().execute(
      `select pg_notify(?, (${LIVE_EVENT_JSON})::text)
       from unnest(?::uuid[], ?::int[]) with ordinality as k(project_id, version, n)
       join events e on e.project_id = k.project_id and e.version = k.version
       join projects p on p.id = e.project_id
       order by k.n`,
      [
        EVENTS_CHANNEL,
        textArrayLiteral(batch.map((e) => e.projectId)),
        textArrayLiteral(batch.map((e) => String(e.version))),
      ],
    );
  }
}
