/**
 * JSON Schema (ajv, draft-07 style) of the `LifecycleDefinition` shape. It closes every object
 * (`additionalProperties: false`), so an unknown XState key (`invoke`, `always`, `onDone`...) is a problem
 * rather than silently ignored, refuses prototype-like names and bounds every size. Nesting depth is
 * checked before this schema runs (validate-shape.ts), so its recursion stays shallow.
 */
import { ROLES, type JsonSchema } from './definition.types';

/** Definitions larger than this are refused before anything else looks at them. */
export const MAX_DEFINITION_BYTES = 256 * 1024;
/** Deepest JSON nesting accepted anywhere in a definition (payload schemas included). */
export const MAX_JSON_DEPTH = 64;
/** Deepest state nesting (root = 0). */
export const MAX_STATE_DEPTH = 20;
export const MAX_STATES = 500;

const FORBIDDEN_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const NAME = '^[A-Za-z][A-Za-z0-9_]{0,63}$';
const EVENT_NAME = '^[A-Z][A-Z0-9_]{0,63}$';
// A target is `sibling`, `.child`, `#id` or any of those followed by `.child.path`.
const TARGET = '^(#|\\.)?[A-Za-z][A-Za-z0-9_-]{0,63}(\\.[A-Za-z][A-Za-z0-9_]{0,63}){0,20}$';

const label = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: {
    zh: { type: 'string', minLength: 1, maxLength: 200 },
    en: { type: 'string', minLength: 1, maxLength: 200 },
  },
};

const namedRef = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: { type: { type: 'string', pattern: NAME }, params: { type: 'object', maxProperties: 20 } },
};

const transition = {
  type: 'object',
  additionalProperties: false,
  properties: {
    target: { type: 'string', pattern: TARGET, maxLength: 400 },
    guard: { $ref: '#/definitions/namedRef' },
    actions: { type: 'array', maxItems: 20, items: { $ref: '#/definitions/namedRef' } },
    reenter: { type: 'boolean' },
    description: { type: 'string', maxLength: 1000 },
  },
};

// An array-or-object union written with if/then/else so errors name one branch, not both.
const transitions = {
  if: { type: 'array' },
  then: { type: 'array', minItems: 1, maxItems: 20, items: { $ref: '#/definitions/transition' } },
  else: { $ref: '#/definitions/transition' },
};

const stateProperties = {
  type: { enum: ['atomic', 'compound', 'parallel', 'final'] },
  id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$', not: { enum: FORBIDDEN_NAMES } },
  initial: { $ref: '#/definitions/stateName' },
  meta: {
    type: 'object',
    maxProperties: 20,
    required: ['label'],
    properties: { label: { $ref: '#/definitions/label' } },
  },
  description: { type: 'string', maxLength: 2000 },
  states: {
    type: 'object',
    maxProperties: 100,
    propertyNames: { $ref: '#/definitions/stateName' },
    additionalProperties: { $ref: '#/definitions/state' },
  },
  on: {
    type: 'object',
    maxProperties: 100,
    propertyNames: { pattern: EVENT_NAME },
    additionalProperties: { $ref: '#/definitions/transitions' },
  },
  after: {
    type: 'object',
    maxProperties: 20,
    propertyNames: { pattern: NAME },
    additionalProperties: { $ref: '#/definitions/transitions' },
  },
  entry: { type: 'array', maxItems: 20, items: { $ref: '#/definitions/namedRef' } },
  exit: { type: 'array', maxItems: 20, items: { $ref: '#/definitions/namedRef' } },
};

const eventDefinition = {
  type: 'object',
  additionalProperties: false,
  required: ['label', 'roles', 'payload'],
  properties: {
    label: { $ref: '#/definitions/label' },
    roles: {
      type: 'array',
      minItems: 1,
      maxItems: 6,
      uniqueItems: true,
      items: { type: 'string', maxLength: 40 },
    },
    payload: { type: 'object', maxProperties: 50 },
    description: { $ref: '#/definitions/label' },
  },
};

export const DEFINITION_SCHEMA: JsonSchema = {
  $id: 'waypost:lifecycle-definition',
  type: 'object',
  additionalProperties: false,
  required: ['key', 'title', 'roles', 'data', 'machine', 'events'],
  properties: {
    key: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,63}$' },
    title: { $ref: '#/definitions/label' },
    description: { $ref: '#/definitions/label' },
    roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...ROLES] } },
    data: { type: 'object', maxProperties: 50 },
    machine: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'initial', 'states'],
      properties: {
        ...stateProperties,
        id: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,63}$' },
        context: { type: 'object', maxProperties: 100 },
      },
    },
    events: {
      type: 'object',
      maxProperties: 200,
      propertyNames: { pattern: EVENT_NAME },
      additionalProperties: { $ref: '#/definitions/event' },
    },
    delays: {
      type: 'object',
      maxProperties: 50,
      propertyNames: { pattern: NAME },
      additionalProperties: { $ref: '#/definitions/namedRef' },
    },
  },
  definitions: {
    label,
    namedRef,
    transition,
    transitions,
    stateName: { type: 'string', pattern: NAME, not: { enum: FORBIDDEN_NAMES } },
    // Every state carries its zh/en label (people see states by label); the root has the title instead.
    state: { type: 'object', additionalProperties: false, required: ['meta'], properties: stateProperties },
    event: eventDefinition,
  },
};
