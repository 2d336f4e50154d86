/**
 * Parsing of the two time shapes definitions and payloads use: calendar dates (`2016-12-31`, read at
 * midnight in a given zone) and ISO-8601 date-times with an explicit offset. Nothing here reads the clock.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ZONE = /^(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds east of UTC for `Z` or `+08:00`; null when malformed. */
export function zoneOffsetMs(zone: string): number | null {
  const match = ZONE.exec(zone);
  if (!match) return null;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** Epoch milliseconds of a date (midnight in `zone`) or of a date-time with offset; null otherwise. */
export function parseInstant(text: string, zone = 'Z'): number | null {
  const date = DATE.exec(text);
  if (date) {
    const offset = zoneOffsetMs(zone);
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const utc = Date.UTC(year, month - 1, day);
    const valid = new Date(utc).getUTCMonth() === month - 1 && new Date(utc).getUTCDate() === day;
    return valid && offset !== null ? utc - offset : null;
  }
  if (!DATE_TIME.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** True for an ISO-8601 date-time with offset, the shape of `now` and `event.at`. */
export function isIsoInstant(text: string): boolean {
  return DATE_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

/** Canonical form of an instant: `new Date(ms).toISOString()`. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
