/**
 * Named delays: each turns (context, time the state was entered) into an absolute deadline and says how
 * it was derived. A deadline whose base date is missing yields null and no timer.
 */
import { REF_PATTERN, readRef } from './context-path';
import type { JsonObject, JsonValue } from './definition.types';
import { formatInstant, parseInstant, zoneOffsetMs } from './instant';
import { addDuration, isZeroDuration, parseIsoDuration } from './iso-duration';
import { optionalStringParam, stringParam } from './registry-params';
import type { DelayEntry } from './registry.types';

const iso = { type: 'string', minLength: 2, maxLength: 40 };
const ref = { type: 'string', pattern: REF_PATTERN };

/** Adds `offset` on the calendar of `zone` (a date + P1Y in Beijing stays on the same Beijing date). */
function addInZone(baseMs: number, offset: string, zone: string): number | null {
  const parsed = parseIsoDuration(offset);
  const shift = zoneOffsetMs(zone);
  if (!parsed.ok || shift === null) return null;
  return addDuration(baseMs + shift, parsed.duration) - shift;
}

function pausedMsOf(context: JsonObject, extendBy: string | undefined): number {
  const value = extendBy === undefined ? undefined : readRef(context, extendBy);
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function listOf(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** The base date and the reference it came from: `date`, else `fallback` when `date` is not set yet. */
function baseOf(params: JsonObject, context: JsonObject): [string, string | null] {
  for (const key of ['date', 'fallback']) {
    const ref = optionalStringParam(params, key);
    const value = ref === undefined ? undefined : readRef(context, ref);
    if (ref !== undefined && typeof value === 'string') return [ref, value];
  }
  return [stringParam(params, 'date'), null];
}

function offsetCheck(params: JsonObject, key: string, allowZero: boolean): string | null {
  const parsed = parseIsoDuration(stringParam(params, key));
  if (!parsed.ok) return parsed.message;
  return !allowZero && isZeroDuration(parsed.duration) ? 'a zero duration would fire at once, forever' : null;
}

export const DELAYS: Record<string, DelayEntry> = {
  duration: {
    paramsSchema: { type: 'object', additionalProperties: false, required: ['iso'], properties: { iso } },
    check: (params) => offsetCheck(params, 'iso', false),
    due: (params, _context, enteredAtMs) => {
      const offset = stringParam(params, 'iso');
      const dueAtMs = addInZone(enteredAtMs, offset, 'Z');
      if (dueAtMs === null) return null;
      const derivation = { rule: `state entered + ${offset}`, baseDate: formatInstant(enteredAtMs), offset };
      return { dueAtMs, derivation: { ...derivation, pausedMs: 0, changes: [] } };
    },
  },
  dateOffset: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['date', 'offset'],
      properties: {
        date: ref,
        fallback: ref,
        offset: iso,
        extendBy: ref,
        changes: ref,
        zone: { type: 'string', pattern: '^(Z|[+-][0-9]{2}:[0-9]{2})$' },
      },
    },
    check: (params) =>
      offsetCheck(params, 'offset', true) ??
      (zoneOffsetMs(stringParam(params, 'zone', 'Z')) === null ? 'zone must be Z or ±hh:mm' : null),
    due: (params, context) => {
      const [baseRef, base] = baseOf(params, context);
      const zone = stringParam(params, 'zone', 'Z');
      const offset = stringParam(params, 'offset');
      const baseMs = base === null ? null : parseInstant(base, zone);
      const shifted = baseMs === null ? null : addInZone(baseMs, offset, zone);
      if (shifted === null) return null;
      const extendBy = optionalStringParam(params, 'extendBy');
      const pausedMs = pausedMsOf(context, extendBy);
      const changesRef = optionalStringParam(params, 'changes');
      const rule = [baseRef, offset, extendBy && `${extendBy} (paused time)`].filter(Boolean).join(' + ');
      const changes = listOf(changesRef === undefined ? undefined : readRef(context, changesRef));
      return { dueAtMs: shifted + pausedMs, derivation: { rule, baseDate: base, offset, pausedMs, changes } };
    },
  },
};
