import type { AppendRequest, NewEvent, ProjectHead } from '../event-store/event-store.types';
import type { Transitioned } from '../lifecycle/engine.types';
import { EventAppended } from './events/event-appended.event';
import { netTimerEffects, readModelOf } from './read-model';

/** The append a decided transition makes on top of the stream head it was decided on. */
export function transitionAppend(
  head: ProjectHead,
  event: NewEvent,
  result: Transitioned,
  extra: Pick<AppendRequest, 'idempotency' | 'firedTimer'> = {},
): AppendRequest {
  return {
    projectId: head.id,
    expectedVersion: head.version,
    definition: { key: head.definitionKey, version: head.definitionVersion },
    stateBefore: head.snapshot.value,
    prevHash: head.chainHead,
    event,
    readModel: readModelOf(result, head.deadlines, head.version + 1),
    timers: netTimerEffects(head.deadlines, result.effects),
    ...extra,
  };
}

/** What subscribers hear once that append has committed. */
export function appendedEventOf(head: ProjectHead, event: NewEvent, result: Transitioned): EventAppended {
  const definition = { key: head.definitionKey, version: head.definitionVersion };
  return new EventAppended(
    head.id,
    head.enterpriseId,
    head.version + 1,
    event.type,
    event.actor,
    event.occurredAt,
    head.snapshot.value,
    result.value,
    definition,
  );
}
