import { Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventAppended } from '../../projects/events/event-appended.event';
import { EVENTS_CHANNEL, LIVE_EVENT_JSON } from '../live/live-event';

/**
 * Announces each committed event to every instance's stream clients. Built from the stored row, so the
 * message carries the same position (recorded_at) a catch-up read would give.
 */
@EventsHandler(EventAppended)
export class NotifyWhenEventAppended implements IEventHandler<EventAppended> {
  private readonly logger = new Logger('NotifyWhenEventAppended');

  constructor(private readonly em: EntityManager) {}

  handle(event: EventAppended): void {
    // A lost notification costs a live client nothing it cannot resume; it must not fail the request.
    this.notify(event).catch((error: Error) =>
      this.logger.warn(`could not announce ${event.projectId} v${event.version}: ${error.message}`),
    );
  }

  private async notify(event: EventAppended): Promise<void> {
    await this.em.getConnection().execute(
      `select pg_notify(?, (${LIVE_EVENT_JSON})::text)
       from events e join projects p on p.id = e.project_id where e.project_id = ? and e.version = ?`,
      [EVENTS_CHANNEL, event.projectId, event.version],
    );
  }
}
