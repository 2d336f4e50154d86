/**
 * Validation of event payloads and creation data against the definition's JSON Schemas. Each schema is
 * compiled once per definition object (an ajv instance per definition, so `$id`s of two definitions
 * never collide).
 */
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv, toFieldErrors } from './ajv-factory';
import type { JsonSchema, LifecycleDefinition } from './definition.types';
import type { FieldError } from './engine.types';

interface Compiled {
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

const cache = new WeakMap<LifecycleDefinition, Compiled>();
const DATA = '\u0000data';

function validatorFor(definition: LifecycleDefinition, key: string, schema: JsonSchema): ValidateFunction {
  let compiled = cache.get(definition);
  if (!compiled) cache.set(definition, (compiled = { ajv: createAjv(), validators: new Map() }));
  let validate = compiled.validators.get(key);
  if (!validate) compiled.validators.set(key, (validate = compiled.ajv.compile(schema)));
  return validate;
}

/** Errors of `payload` for a declared event type, under `/payload`. */
export function validatePayload(
  definition: LifecycleDefinition,
  type: string,
  payload: unknown,
): FieldError[] {
  const validate = validatorFor(definition, type, definition.events[type].payload);
  return validate(payload) ? [] : toFieldErrors(validate.errors, '/payload');
}

/** Errors of the creation data, under `/data`. */
export function validateData(definition: LifecycleDefinition, data: unknown): FieldError[] {
  const validate = validatorFor(definition, DATA, definition.data);
  return validate(data) ? [] : toFieldErrors(validate.errors, '/data');
}
