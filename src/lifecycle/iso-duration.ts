/**
 * ISO-8601 durations (`PnYnMnWnDTnHnMnS`) and calendar arithmetic on them. Only whole, non-negative
 * numbers: a deadline "minus one year" or "1.5 months" is a definition mistake, not something to guess at.
 */

export interface IsoDuration {
  years: number;
  months: number;
  days: number;
  /** Hours, minutes and seconds folded into milliseconds: they never depend on the calendar. */
  timeMs: number;
}

export type ParsedDuration = { ok: true; duration: IsoDuration } | { ok: false; message: string };

const DURATION =
  /^P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,7})M)?(?:(\d{1,9})S)?)?$/;
const DAY_MS = 86_400_000;

/** Parses an ISO-8601 duration; refuses negative, fractional, empty (`P`, `PT`) and oversized values. */
export function parseIsoDuration(text: string): ParsedDuration {
  if (text.startsWith('-')) return { ok: false, message: `negative duration "${text}" is not allowed` };
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    return { ok: false, message: `"${text}" is not an ISO-8601 duration like P1Y or P3M or PT12H` };
  }
  const [y, mo, w, d, h, mi, s] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  return {
    ok: true,
    duration: { years: y, months: mo, days: w * 7 + d, timeMs: ((h * 60 + mi) * 60 + s) * 1000 },
  };
}

/** True when the duration adds nothing. */
export function isZeroDuration(duration: IsoDuration): boolean {
  return duration.years === 0 && duration.months === 0 && duration.days === 0 && duration.timeMs === 0;
}

/**
 * Adds a duration to an instant, calendar-wise in UTC: years and months first with the day clamped to the
 * month's end (2016-01-31 + P1M = 2016-02-29), then days, then the time part.
 * Callers that mean a local calendar shift the instant by the zone offset first.
 */
export function addDuration(epochMs: number, duration: IsoDuration): number {
  const date = new Date(epochMs);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + duration.years * 12 + duration.months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = Date.UTC(
    year,
    month,
    Math.min(date.getUTCDate(), lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
  return shifted + duration.days * DAY_MS + duration.timeMs;
}
