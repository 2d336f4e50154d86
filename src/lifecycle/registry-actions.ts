/**
 * Named actions. Each returns the next context from (context, event, params); time comes from
 * `event.at`, the recorded time of the event, so replaying a stream yields the same context.
 */
import { CONTEXT_PATH_PATTERN, SEGMENT_PATTERN, isJsonObject, readPath, writePath } from './context-path';
import type { JsonObject, JsonValue, LifecycleDefinition } from './definition.types';
import type { LifecycleEvent } from './engine.types';
import { parseInstant } from './instant';
import { DELAYS } from './registry-delays';
import {
  booleanParam,
  numberParam,
  optionalStringParam,
  stringListParam,
  stringParam,
  valueParam,
} from './registry-params';
import type { ActionEntry } from './registry.types';

const path = { type: 'string', pattern: CONTEXT_PATH_PATTERN };
const name = { type: 'string', pattern: SEGMENT_PATTERN };
const noParams = { type: 'object', additionalProperties: false, properties: {} };
const DEFAULT_MAX = 50;

function objectAt(context: JsonObject, key: string): JsonObject {
  const value = readPath(context, key);
  return isJsonObject(value) ? value : {};
}

/** A flag raised by a deadline dates from the deadline (timer events carry `dueAt`), any other from the event. */
function deadlineOrNow(event: LifecycleEvent): string {
  const dueAt = event.payload.dueAt;
  return typeof dueAt === 'string' ? dueAt : event.at;
}

function withFlag(context: JsonObject, flag: string, value: boolean, stampAt?: string, stamp?: JsonValue) {
  const next = { ...context, flags: { ...objectAt(context, 'flags'), [flag]: value } };
  return stampAt === undefined ? next : writePath(next, stampAt, stamp ?? null);
}

/** Appends `entry` (numbered by a per-list counter) to a list kept to its last `max` items. */
export function appendTo(
  context: JsonObject,
  list: string,
  entry: JsonObject,
  max = DEFAULT_MAX,
): JsonObject {
  const counters = objectAt(context, 'counters');
  const seq = (typeof counters[list] === 'number' ? counters[list] : 0) + 1;
  const current = readPath(context, list);
  const items = [...(Array.isArray(current) ? current : []), { seq, ...entry }].slice(-max);
  return writePath({ ...context, counters: { ...counters, [list]: seq } }, list, items);
}

function stampOf(event: LifecycleEvent): JsonObject {
  return { type: event.type, at: event.at, by: event.actor.id, role: event.actor.role };
}

function picked(payload: JsonObject, fields: string[]): JsonObject {
  return Object.fromEntries(fields.filter((f) => Object.hasOwn(payload, f)).map((f) => [f, payload[f]]));
}

function elapsedMs(from: JsonValue | undefined, to: string): number {
  const start = typeof from === 'string' ? parseInstant(from) : null;
  const end = parseInstant(to);
  return start === null || end === null ? 0 : Math.max(0, end - start);
}

/** Closes the open suspension record (the last one) with the resume time. */
function closeLastSuspension(context: JsonObject, at: string): JsonObject {
  const list = readPath(context, 'suspensions');
  if (!Array.isArray(list) || list.length === 0) return context;
  const last = list[list.length - 1];
  return isJsonObject(last)
    ? { ...context, suspensions: [...list.slice(0, -1), { ...last, to: at }] }
    : context;
}

/** Whether the deadline named `delay` lies after `atMs` for this context (the flag it raised no longer holds). */
function deadlineAfter(definition: LifecycleDefinition, delay: string, context: JsonObject, atMs: number) {
  const ref = definition.delays?.[delay];
  const entry = ref ? DELAYS[ref.type] : undefined;
  const deadline = ref && entry ? entry.due(ref.params ?? {}, context, atMs) : null;
  return deadline !== null && deadline.dueAtMs > atMs;
}

function applyChange(
  context: JsonObject,
  event: LifecycleEvent,
  params: JsonObject,
  def: LifecycleDefinition,
) {
  const pending = objectAt(context, 'pendingChange');
  const newDate = pending.newCompletionDate;
  const newScope = pending.newScope;
  const record = { ...stampOf(event), from: valueParam(context, 'plannedCompletion'), to: newDate ?? null };
  let next: JsonObject = { ...context, changeApproved: true, pendingChange: null };
  if (typeof newDate === 'string') next = { ...next, plannedCompletion: newDate };
  if (typeof newScope === 'string') next = { ...next, scope: newScope };
  next = appendTo(next, 'changes', { ...record, newScope: newScope ?? null, reasons: pending.reasons ?? [] });
  const flag = optionalStringParam(params, 'overdueFlag');
  const delay = optionalStringParam(params, 'overdueDelay');
  const atMs = parseInstant(event.at) ?? 0;
  if (!flag || !delay || objectAt(next, 'flags')[flag] !== true || !deadlineAfter(def, delay, next, atMs)) {
    return next;
  }
  return withFlag(next, flag, false, optionalStringParam(params, 'overdueStamp'), null);
}

export const ACTIONS: Record<string, ActionEntry> = {
  assignFromPayload: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['to'],
      properties: { field: path, to: path },
    },
    apply: (context, event, params) => {
      const field = optionalStringParam(params, 'field');
      const value = field === undefined ? event.payload : readPath(event.payload, field);
      return value === undefined ? context : writePath(context, stringParam(params, 'to'), value);
    },
  },
  assignFromData: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'to'],
      properties: { field: path, to: path },
    },
    apply: (context, _event, params) => {
      const value = readPath(context.data, stringParam(params, 'field'));
      return value === undefined ? context : writePath(context, stringParam(params, 'to'), value);
    },
  },
  assignValue: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['to', 'value'],
      properties: { to: path, value: {} },
    },
    apply: (context, _event, params) =>
      writePath(context, stringParam(params, 'to'), valueParam(params, 'value')),
  },
  stampTime: {
    paramsSchema: { type: 'object', additionalProperties: false, required: ['to'], properties: { to: path } },
    apply: (context, event, params) => writePath(context, stringParam(params, 'to'), event.at),
  },
  setFlag: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['flag'],
      properties: { flag: name, value: { type: 'boolean' }, stampAt: path },
    },
    apply: (context, event, params) =>
      withFlag(
        context,
        stringParam(params, 'flag'),
        booleanParam(params, 'value', true),
        optionalStringParam(params, 'stampAt'),
        deadlineOrNow(event),
      ),
  },
  clearFlag: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['flag'],
      properties: { flag: name, stampAt: path },
    },
    apply: (context, _event, params) =>
      withFlag(context, stringParam(params, 'flag'), false, optionalStringParam(params, 'stampAt'), null),
  },
  appendRecord: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['list', 'fields'],
      properties: {
        list: name,
        fields: { type: 'array', maxItems: 30, uniqueItems: true, items: name },
        max: { type: 'integer', minimum: 1, maximum: 200 },
      },
    },
    apply: (context, event, params) =>
      appendTo(
        context,
        stringParam(params, 'list'),
        { ...stampOf(event), ...picked(event.payload, stringListParam(params, 'fields')) },
        numberParam(params, 'max', DEFAULT_MAX),
      ),
  },
  recordReport: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { max: { type: 'integer', minimum: 1, maximum: 200 } },
    },
    apply: (context, event, params) => {
      const percent = event.payload.percentComplete;
      const next = { ...context, lastReportAt: event.at, lastPercentComplete: percent ?? null };
      return appendTo(
        next,
        'reports',
        { ...stampOf(event), ...event.payload },
        numberParam(params, 'max', DEFAULT_MAX),
      );
    },
  },
  markSuspended: {
    paramsSchema: noParams,
    apply: (context, event) => {
      const next = { ...context, suspendedSince: event.at };
      return appendTo(next, 'suspensions', {
        ...stampOf(event),
        ...picked(event.payload, ['reason', 'category', 'expectedResumeDate']),
        from: event.at,
        to: null,
      });
    },
  },
  accumulatePause: {
    paramsSchema: noParams,
    apply: (context, event) => {
      const previous = typeof context.suspendedMs === 'number' ? context.suspendedMs : 0;
      const paused = elapsedMs(context.suspendedSince, event.at);
      return closeLastSuspension(
        { ...context, suspendedMs: previous + paused, suspendedSince: null },
        event.at,
      );
    },
  },
  applyChange: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { overdueFlag: name, overdueDelay: name, overdueStamp: path },
    },
    delayParams: ['overdueDelay'],
    apply: applyChange,
  },
};
