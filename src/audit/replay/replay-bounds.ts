import { ProblemException } from '../../common/problem';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export type ReplayBound =
  { kind: 'latest' } | { kind: 'version'; version: number } | { kind: 'time'; at: string };

/** `to` or `at` (not both); each refused with the field named. */
export function replayBoundOf(to: string | undefined, at: string | undefined): ReplayBound {
  if (to !== undefined && at !== undefined)
    throw ProblemException.validation([{ path: '/at', message: 'give either to or at, not both' }]);
  if (to !== undefined) {
    const version = Number(to);
    if (!Number.isSafeInteger(version) || version < 1)
      throw ProblemException.validation([{ path: '/to', message: 'must be a version of at least 1' }]);
    return { kind: 'version', version };
  }
  if (at !== undefined) {
    const time = Date.parse(at);
    if (!ISO_INSTANT.test(at) || Number.isNaN(time))
      throw ProblemException.validation([
        { path: '/at', message: 'must be an ISO-8601 instant with a time zone, e.g. 2026-03-01T08:00:00Z' },
      ]);
    return { kind: 'time', at: new Date(time).toISOString() };
  }
  return { kind: 'latest' };
}

/** How many leading events the bound keeps; refuses a bound outside the stream. */
export function keptCount(
  bound: ReplayBound,
  events: readonly { version: number; occurredAt: string }[],
): number {
  if (bound.kind === 'latest') return events.length;
  if (bound.kind === 'version') {
    const last = events[events.length - 1]?.version ?? 0;
    if (bound.version > last)
      throw ProblemException.validation([
        { path: '/to', message: `is past the end: the project has ${last} events` },
      ]);
    return events.findIndex((event) => event.version === bound.version) + 1;
  }
  // Versions are the order; an event recorded out of clock order ends the prefix.
  const after = events.findIndex((event) => event.occurredAt > bound.at);
  const count = after === -1 ? events.length : after;
  if (count === 0)
    throw ProblemException.validation([
      { path: '/at', message: `is before the project was created (${events[0]?.occurredAt ?? 'no events'})` },
    ]);
  return count;
}
