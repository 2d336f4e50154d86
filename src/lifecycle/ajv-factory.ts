/**
 * One place that configures ajv: all errors (a form shows every field problem at once), formats with
 * `formatMinimum`/`formatMaximum` (date bounds), unknown keywords refused, no console logging.
 */
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from './engine.types';
import { escapePointer } from './validate-shape';

export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    logger: false,
  });
  addFormats(ajv, { keywords: true });
  return ajv;
}

function messageOf(error: ErrorObject): string {
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'additionalProperties')
    return `unknown property "${String(params.additionalProperty)}"`;
  if (error.keyword === 'required') return `required property "${String(params.missingProperty)}" is missing`;
  if (error.propertyName !== undefined) {
    return error.keyword === 'not' ? 'is a reserved name' : `invalid name: ${error.message ?? error.keyword}`;
  }
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return error.message ?? `fails ${error.keyword}`;
}

function pathOf(error: ErrorObject, prefix: string): string {
  const params: Record<string, unknown> = error.params;
  const extra = params.additionalProperty ?? params.missingProperty ?? error.propertyName;
  const base = `${prefix}${error.instancePath}`;
  return typeof extra === 'string' ? `${base}/${escapePointer(extra)}` : base;
}

/**
 * Turns ajv errors into `{path, message}` under `prefix` (e.g. `/payload`), dropping the wrapper errors
 * (`if`, `propertyNames`, `anyOf`) whose detail is already in the errors they wrap.
 */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, prefix: string): FieldError[] {
  const wrappers = new Set(['if', 'propertyNames']);
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors ?? []) {
    if (wrappers.has(error.keyword)) continue;
    const item = { path: pathOf(error, prefix), message: messageOf(error) };
    const key = `${item.path}\u0000${item.message}`;
    if (!seen.has(key)) result.push(item);
    seen.add(key);
  }
  return result;
}
