/**
 * `validateDefinition`: every problem of a lifecycle definition with its JSON path, in one pass, for the
 * admin's editor and for publishing. Order: shape (object, depth, size) → schema → cross-references →
 * reachability and liveness. The graph checks run whenever the machine's structure is sound (states
 * well-formed, every target resolving), even beside other problems, so one answer lists them all.
 * Never throws, whatever the input.
 */
import { createAjv, toFieldErrors } from './ajv-factory';
import { isJsonObject } from './context-path';
import { DEFINITION_SCHEMA } from './definition.schema';
import type { JsonObject, LifecycleDefinition } from './definition.types';
import type { DefinitionProblem, ValidationResult } from './engine.types';
import { graphSkeleton } from './graph-skeleton';
import { buildMachine } from './machine-builder';
import { flattenStates, type StateTree } from './state-tree';
import { checkEvents } from './validate-events';
import { checkGraph } from './validate-graph';
import { checkDelays, checkStates } from './validate-references';
import { checkShape } from './validate-shape';

const MAX_PROBLEMS = 200;
const schemaAjv = createAjv();
const validateSchema = schemaAjv.compile(DEFINITION_SCHEMA);

function result(problems: DefinitionProblem[]): ValidationResult {
  return { valid: problems.length === 0, problems: problems.slice(0, MAX_PROBLEMS) };
}

function semanticProblems(json: JsonObject, tree: StateTree): DefinitionProblem[] {
  const ajv = createAjv();
  const events = isJsonObject(json.events) ? json.events : {};
  const delays = isJsonObject(json.delays) ? json.delays : {};
  const ctx = { ajv, tree, events, delays, data: json.data, problems: [...tree.problems] };
  checkStates(ctx);
  checkDelays(ctx);
  return [...ctx.problems, ...checkEvents(ajv, json)];
}

/** Unreachable and dead-end states, judged on the machine's skeleton when its structure is sound. */
function graphProblems(tree: StateTree): DefinitionProblem[] {
  const skeleton = graphSkeleton(tree);
  if (!skeleton) return [];
  try {
    return checkGraph(buildMachine(skeleton));
  } catch (error) {
    // XState refusing a structure the checks above let through must not hide their problems.
    const message = error instanceof Error ? error.message : String(error);
    return [{ path: '/machine', message: `the machine could not be built: ${message}` }];
  }
}

function inspect(json: unknown): DefinitionProblem[] {
  const shape = checkShape(json);
  if (shape.length > 0 || !isJsonObject(json)) return shape;
  validateSchema(json);
  const tree = flattenStates(isJsonObject(json.machine) ? json.machine : {});
  return [
    ...toFieldErrors(validateSchema.errors, ''),
    ...semanticProblems(json, tree),
    ...graphProblems(tree),
  ];
}

function isValidDefinition(json: unknown, result: ValidationResult): json is LifecycleDefinition {
  return result.valid && isJsonObject(json);
}

/** Validates and narrows: the definition typed, or every problem. */
export function parseDefinition(
  json: unknown,
): { ok: true; definition: LifecycleDefinition } | { ok: false; problems: DefinitionProblem[] } {
  const checked = validateDefinition(json);
  return isValidDefinition(json, checked)
    ? { ok: true, definition: json }
    : { ok: false, problems: checked.problems };
}

/** Validates an untrusted definition; `valid` is true only when `problems` is empty. */
export function validateDefinition(json: unknown): ValidationResult {
  try {
    return result(inspect(json));
  } catch (error) {
    // A bug here must not take the process down with the admin's request; report it as a problem.
    const message = error instanceof Error ? error.message : String(error);
    return result([{ path: '', message: `definition could not be checked: ${message}` }]);
  }
}
