/** Named guards. Each reads the context or the event payload, never anything else. */
import { CONTEXT_PATH_PATTERN, SEGMENT_PATTERN, isJsonObject, readPath } from './context-path';
import type { JsonObject, JsonValue } from './definition.types';
import { booleanParam, stringParam, valueParam } from './registry-params';
import type { GuardEntry } from './registry.types';

const field = { type: 'string', pattern: CONTEXT_PATH_PATTERN };
const flag = { type: 'string', pattern: SEGMENT_PATTERN };
const scalar = { type: ['string', 'number', 'boolean', 'null'], maxLength: 200 };

function flagOf(context: JsonObject, name: string): boolean {
  const flags = context.flags;
  return isJsonObject(flags) && flags[name] === true;
}

function sameScalar(a: JsonValue | undefined, b: JsonValue): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

export const GUARDS: Record<string, GuardEntry> = {
  payloadEquals: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'value'],
      properties: { field, value: scalar },
    },
    usesPayload: true,
    test: (_context, event, params) =>
      sameScalar(readPath(event.payload, stringParam(params, 'field')), valueParam(params, 'value')),
    explain: (params) =>
      `payload.${stringParam(params, 'field')} must be ${JSON.stringify(valueParam(params, 'value'))}`,
  },
  payloadHas: {
    paramsSchema: { type: 'object', additionalProperties: false, required: ['field'], properties: { field } },
    usesPayload: true,
    test: (_context, event, params) => readPath(event.payload, stringParam(params, 'field')) !== undefined,
    explain: (params) => `payload.${stringParam(params, 'field')} is required here`,
  },
  contextFlag: {
    paramsSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['flag'],
      properties: { flag, value: { type: 'boolean' } },
    },
    usesPayload: false,
    test: (context, _event, params) =>
      flagOf(context, stringParam(params, 'flag')) === booleanParam(params, 'value', true),
    explain: (params) =>
      `flag "${stringParam(params, 'flag')}" must be ${booleanParam(params, 'value', true) ? 'set' : 'clear'}`,
  },
  notFlagged: {
    paramsSchema: { type: 'object', additionalProperties: false, required: ['flag'], properties: { flag } },
    usesPayload: false,
    test: (context, _event, params) => !flagOf(context, stringParam(params, 'flag')),
    explain: (params) => `flag "${stringParam(params, 'flag')}" is already set`,
  },
};
