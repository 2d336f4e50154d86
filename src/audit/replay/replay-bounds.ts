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
  refuseOutside(bound, events[0], events[events.length - 1]?.version ?? 0);
  const after = events.findIndex((event) => !withinBound(bound, event));
  return after === -1 ? events.length : after;
}

/**
 * Refuses, before anything is replayed, a bound past the last version or before the first event;
 * what a paged replay can check from the first page and the stream's last version.
 */
export function refuseOutside(
  bound: ReplayBound,
  first: { occurredAt: string } | undefined,
  lastVersion: number,
): void {
  if (bound.kind === 'version' && bound.version > lastVersion)
    throw ProblemException.validation([
      { path: '/to', message: `is past the end: the project has ${lastVersion} events` },
    ]);
  if (bound.kind === 'time' && (first === undefined || first.occurredAt > bound.at))
    throw ProblemException.validation([
      { path: '/at', message: `is before the project was created (${first?.occurredAt ?? 'no events'})` },
    ]);
}

/**
 * Whether an event, read in version order, is still inside the bound. Versions are the order; an
 * event recorded out of clock order ends the prefix, so a replay stops at the first event outside.
 */
export function withinBound(bound: ReplayBound, event: { version: number; occurredAt: string }): boolean {
  if (bound.kind === 'version') return event.version <= bound.version;
  if (bound.kind === 'time') return event.occurredAt <= bound.at;
  return true;
}
