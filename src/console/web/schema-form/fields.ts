/**
 * JSON Schema → form fields and back, without the DOM. Form values are kept flat, by JSON Pointer
 * relative to the payload (`/helpRequested/0/kind`), so the API's `errors[].path` finds its field.
 */
import type { Json, JsonObject, JsonSchema } from '../types';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'list'
  | 'multi'
  | 'objects'
  | 'object';

export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

export interface Field {
  name: string;
  pointer: string;
  schema: JsonSchema;
  kind: FieldKind;
  required: boolean;
}

const LONG_TEXT = 300;

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((type) => type !== 'null') : schema.type;
}

export function kindOf(schema: JsonSchema): FieldKind {
  if (schema.enum) return 'enum';
  const type = typeOf(schema);
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'object') return 'object';
  if (type === 'array') {
    const items = schema.items ?? {};
    if (items.enum) return 'multi';
    return typeOf(items) === 'object' ? 'objects' : 'list';
  }
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'datetime';
  return (schema.maxLength ?? 0) > LONG_TEXT ? 'textarea' : 'text';
}

export function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The fields of an object schema, under `base` (a pointer). */
export function fieldsOf(schema: JsonSchema, base = ''): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    pointer: `${base}/${escapePointer(name)}`,
    schema: property,
    kind: kindOf(property),
    required: required.has(name),
  }));
}

/** Starting values: defaults where the schema gives them, one empty item for required object lists. */
export function initialValues(schema: JsonSchema, base = ''): FormValues {
  const values: FormValues = {};
  for (const field of fieldsOf(schema, base)) {
    if (field.kind === 'boolean') values[field.pointer] = field.schema.default === true;
    else if (field.kind === 'multi') values[field.pointer] = [];
    else if (field.kind === 'objects') values[field.pointer] = '0';
    else if (field.kind === 'object') Object.assign(values, initialValues(field.schema, field.pointer));
    else if (field.schema.default !== undefined) values[field.pointer] = encodeOption(field.schema.default);
  }
  return values;
}

/** Enum options travel as JSON text so numbers and strings come back as they were. */
export function encodeOption(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function decodeOption(schema: JsonSchema, text: string): Json {
  return (schema.enum ?? []).find((option) => encodeOption(option) === text) ?? text;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A number when the text is one; otherwise the text itself, so the API names the wrong type beside
 * the field rather than the console guessing.
 */
function numberOf(text: string): Json {
  const trimmed = text.trim().replace(/,/g, '');
  return NUMBER.test(trimmed) ? Number(trimmed) : text;
}

function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The payload the form describes; empty optional fields are left out. */
export function payloadOf(schema: JsonSchema, values: FormValues, base = ''): JsonObject {
  const payload: JsonObject = {};
  for (const field of fieldsOf(schema, base)) {
    const value = valueOf(field, values);
    if (value !== undefined) payload[field.name] = value;
  }
  return payload;
}

function valueOf(field: Field, values: FormValues): Json | undefined {
  const raw = values[field.pointer];
  const text = typeof raw === 'string' ? raw : '';
  switch (field.kind) {
    case 'boolean':
      return raw === true;
    case 'multi': {
      const chosen = Array.isArray(raw)
        ? raw.map((item) => decodeOption(field.schema.items ?? {}, item))
        : [];
      return chosen.length > 0 || field.required ? chosen : undefined;
    }
    case 'list': {
      const lines = linesOf(text);
      return lines.length > 0 || field.required ? lines : undefined;
    }
    case 'objects': {
      const count = Number(text) || 0;
      const items = Array.from({ length: count }, (_, index) =>
        payloadOf(field.schema.items ?? {}, values, `${field.pointer}/${index}`),
      );
      return items.length > 0 || field.required ? items : undefined;
    }
    case 'object': {
      const nested = payloadOf(field.schema, values, field.pointer);
      return Object.keys(nested).length > 0 || field.required ? nested : undefined;
    }
    default:
      return scalarOf(field, text);
  }
}

function scalarOf(field: Field, text: string): Json | undefined {
  if (text.trim() === '') return undefined;
  if (field.kind === 'number' || field.kind === 'integer') return numberOf(text);
  if (field.kind === 'enum') return decodeOption(field.schema, text);
  if (field.kind === 'datetime') {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? text : date.toISOString();
  }
  return field.kind === 'textarea' ? text : text.trim();
}

/** Every pointer a field is rendered at, deepest first, for matching error paths. */
export function fieldPointers(schema: JsonSchema, values: FormValues, base = ''): string[] {
  const pointers: string[] = [];
  for (const field of fieldsOf(schema, base)) {
    pointers.push(field.pointer);
    if (field.kind === 'object') pointers.push(...fieldPointers(field.schema, values, field.pointer));
    if (field.kind === 'objects') {
      const count = Number(values[field.pointer]) || 0;
      for (let index = 0; index < count; index++) {
        pointers.push(...fieldPointers(field.schema.items ?? {}, values, `${field.pointer}/${index}`));
      }
    }
  }
  return pointers.sort((a, b) => b.length - a.length);
}

/**
 * Groups the API's field errors by the field they belong to: `/payload/problems/2` goes to the
 * `/problems` field. Errors that name no field are kept under ''.
 */
export function errorsByField(
  errors: { path: string; message: string }[],
  pointers: string[],
  prefix = '/payload',
): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const error of errors) {
    const path = error.path.startsWith(prefix) ? error.path.slice(prefix.length) : error.path;
    const owner = pointers.find((pointer) => path === pointer || path.startsWith(`${pointer}/`)) ?? '';
    (grouped[owner] ??= []).push(error.message);
  }
  return grouped;
}
