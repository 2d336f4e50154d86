/**
 * Checks of the event catalogue and the data schema: every role an event names is a role of the
 * definition (or `system`), and every payload/data JSON Schema compiles.
 */
import type Ajv from 'ajv';
import { isJsonObject } from './context-path';
import type { JsonObject, JsonValue } from './definition.types';
import type { DefinitionProblem } from './engine.types';
import { escapePointer } from './validate-shape';

function compileProblem(ajv: Ajv, schema: JsonValue | undefined, pointer: string): DefinitionProblem | null {
  if (!isJsonObject(schema)) return null; // the definition schema reports the shape
  try {
    ajv.compile(schema);
    return null;
  } catch (error) {
    return {
      path: pointer,
      message: `not a usable JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function checkRoles(roles: JsonValue | undefined, known: Set<string>, pointer: string): DefinitionProblem[] {
  if (!Array.isArray(roles)) return [];
  return roles.flatMap((role, i) =>
    typeof role === 'string' && !known.has(role)
      ? [{ path: `${pointer}/${i}`, message: `unknown role "${role}" (roles: ${[...known].join(', ')})` }]
      : [],
  );
}

/** Problems of `/events` and `/data`. */
export function checkEvents(ajv: Ajv, definition: JsonObject): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const declaredRoles = Array.isArray(definition.roles)
    ? definition.roles.filter((r) => typeof r === 'string')
    : [];
  const known = new Set<string>([...declaredRoles, 'system']);
  const events = isJsonObject(definition.events) ? definition.events : {};
  for (const [type, event] of Object.entries(events)) {
    if (!isJsonObject(event)) continue;
    const pointer = `/events/${escapePointer(type)}`;
    problems.push(...checkRoles(event.roles, known, `${pointer}/roles`));
    const compile = compileProblem(ajv, event.payload, `${pointer}/payload`);
    if (compile) problems.push(compile);
  }
  const data = compileProblem(ajv, definition.data, '/data');
  if (data) problems.push(data);
  return problems;
}
