/**
 * Cross-reference checks the schema cannot express: targets resolve, events used in `on` are declared,
 * `after` names a declared delay, guard/action/delay names exist in the registry with well-typed params,
 * states have sensible `initial`/`type`, timers cannot re-arm themselves forever, and the fields a delay
 * reads (`context.x`, `data.y`) exist in the initial context or the data schema.
 */
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { toFieldErrors } from './ajv-factory';
import { isJsonObject, REF_PATTERN } from './context-path';
import type { JsonObject, JsonValue } from './definition.types';
import type { DefinitionProblem } from './engine.types';
import { lookup, registeredNames, type RegistryKind } from './registry';
import { resolveTarget } from './resolve-target';
import { isAncestorOrSelf, type StateEntry, type StateTree } from './state-tree';
import { escapePointer } from './validate-shape';

export interface RefContext {
  ajv: Ajv;
  tree: StateTree;
  events: JsonObject;
  delays: JsonObject;
  /** The JSON Schema of the creation data, which `data.` references must name properties of. */
  data: JsonValue | undefined;
  problems: DefinitionProblem[];
}

const compiled = new WeakMap<object, ValidateFunction>();

function paramsValidator(ajv: Ajv, schema: JsonObject): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const validate = ajv.compile(schema);
  compiled.set(schema, validate);
  return validate;
}

/** Checks `{type, params}` against the registry of `kind`. */
export function checkRef(
  ctx: RefContext,
  kind: RegistryKind,
  ref: JsonValue | undefined,
  pointer: string,
): void {
  if (!isJsonObject(ref) || typeof ref.type !== 'string') return; // the schema reports the shape
  const entry = lookup(kind, ref.type);
  if (!entry) {
    const known = registeredNames(kind).join(', ');
    ctx.problems.push({
      path: `${pointer}/type`,
      message: `unknown ${kind} "${ref.type}" (known: ${known})`,
    });
    return;
  }
  const params = isJsonObject(ref.params) ? ref.params : {};
  const validate = paramsValidator(ctx.ajv, entry.paramsSchema);
  if (!validate(params)) ctx.problems.push(...toFieldErrors(validate.errors, `${pointer}/params`));
  else if ('check' in entry && entry.check) {
    const message = entry.check(params);
    if (message) ctx.problems.push({ path: `${pointer}/params`, message });
  }
  for (const key of ('delayParams' in entry && entry.delayParams) || []) {
    const delay = params[key];
    if (typeof delay === 'string' && !Object.hasOwn(ctx.delays, delay)) {
      ctx.problems.push({
        path: `${pointer}/params/${key}`,
        message: `unknown delay "${delay}" (not in /delays)`,
      });
    }
  }
}

function checkRefList(ctx: RefContext, list: JsonValue | undefined, pointer: string): void {
  if (Array.isArray(list)) list.forEach((ref, i) => checkRef(ctx, 'action', ref, `${pointer}/${i}`));
}

function transitionsOf(value: JsonValue, pointer: string): [JsonObject, string][] {
  const list = Array.isArray(value)
    ? value.map((t, i) => [t, `${pointer}/${i}`] as const)
    : [[value, pointer] as const];
  return list.filter((pair): pair is [JsonObject, string] => isJsonObject(pair[0]));
}

function checkTransition(
  ctx: RefContext,
  entry: StateEntry,
  t: JsonObject,
  pointer: string,
  delayed: boolean,
) {
  if (t.guard !== undefined) checkRef(ctx, 'guard', t.guard, `${pointer}/guard`);
  checkRefList(ctx, t.actions, `${pointer}/actions`);
  if (typeof t.target !== 'string') return;
  const resolved = resolveTarget(ctx.tree, entry.index, t.target);
  if (!resolved.ok) ctx.problems.push({ path: `${pointer}/target`, message: resolved.message });
  else if (
    delayed &&
    isAncestorOrSelf(ctx.tree, resolved.index, entry.index) &&
    (t.reenter === true || resolved.index !== entry.index)
  ) {
    ctx.problems.push({
      path: `${pointer}/target`,
      message: 'a timer that re-enters its own state re-arms itself and never settles',
    });
  }
}

function checkHandlers(ctx: RefContext, entry: StateEntry, kind: 'on' | 'after'): void {
  const handlers = entry.config[kind];
  if (!isJsonObject(handlers)) return;
  const declared = kind === 'on' ? ctx.events : ctx.delays;
  for (const [name, value] of Object.entries(handlers)) {
    const pointer = `${entry.pointer}/${kind}/${escapePointer(name)}`;
    if (!Object.hasOwn(declared, name)) {
      const message =
        kind === 'on'
          ? `event "${name}" is not declared in /events`
          : `delay "${name}" is not declared in /delays`;
      ctx.problems.push({ path: pointer, message });
    }
    for (const [t, at] of transitionsOf(value, pointer)) checkTransition(ctx, entry, t, at, kind === 'after');
  }
}

function checkStateShape(ctx: RefContext, entry: StateEntry): void {
  const { config, pointer } = entry;
  const hasChildren = entry.children.size > 0;
  if (config.type === 'final' && (hasChildren || config.on !== undefined || config.after !== undefined)) {
    ctx.problems.push({ path: pointer, message: 'a final state has no child states, `on` or `after`' });
  }
  if (hasChildren && config.type !== 'parallel') {
    if (typeof config.initial !== 'string')
      ctx.problems.push({ path: `${pointer}/initial`, message: 'a state with child states needs `initial`' });
    else if (!entry.children.has(config.initial)) {
      ctx.problems.push({
        path: `${pointer}/initial`,
        message: `initial state "${config.initial}" is not a child state`,
      });
    }
  } else if (config.initial !== undefined) {
    ctx.problems.push({
      path: `${pointer}/initial`,
      message: '`initial` needs child states (and no `type: parallel`)',
    });
  }
  if (config.type === 'parallel' && !hasChildren)
    ctx.problems.push({ path: pointer, message: 'a parallel state needs child states' });
}

/** Every state: shape, handlers and entry/exit actions. */
export function checkStates(ctx: RefContext): void {
  for (const entry of ctx.tree.entries) {
    checkStateShape(ctx, entry);
    checkHandlers(ctx, entry, 'on');
    checkHandlers(ctx, entry, 'after');
    checkRefList(ctx, entry.config.entry, `${entry.pointer}/entry`);
    checkRefList(ctx, entry.config.exit, `${entry.pointer}/exit`);
  }
}

const REF = new RegExp(REF_PATTERN);

/** Why a `data.` path names no property declared (level by level) in the data schema, or null. */
function dataRefProblem(schema: JsonValue | undefined, segments: string[]): string | null {
  let current = schema;
  for (const [i, segment] of segments.entries()) {
    const properties = isJsonObject(current) && isJsonObject(current.properties) ? current.properties : {};
    if (!Object.hasOwn(properties, segment))
      return `"data.${segments.slice(0, i + 1).join('.')}" is not a property of the data schema (/data)`;
    current = properties[segment];
  }
  return null;
}

/**
 * Why a reference names a field no instance will have, or null. A `context.` field must be a key of
 * the initial context (where its first value is declared; `data` and `flags` always are).
 */
function refProblem(ctx: RefContext, ref: string): string | null {
  const [root, first, ...rest] = ref.split('.');
  if (root === 'data') return dataRefProblem(ctx.data, [first, ...rest]);
  if (first === 'data') return dataRefProblem(ctx.data, rest);
  const context = ctx.tree.entries[0]?.config.context;
  if (first === 'flags' || (isJsonObject(context) && Object.hasOwn(context, first))) return null;
  return `"context.${first}" is not in the initial context (declare it in /machine/context)`;
}

/** The params of a delay that are references into the context or the data. */
function checkDelayRefs(ctx: RefContext, ref: JsonValue, pointer: string): void {
  if (!isJsonObject(ref) || !isJsonObject(ref.params)) return;
  for (const [key, value] of Object.entries(ref.params)) {
    const problem = typeof value === 'string' && REF.test(value) ? refProblem(ctx, value) : null;
    if (problem) ctx.problems.push({ path: `${pointer}/params/${escapePointer(key)}`, message: problem });
  }
}

/** Every declared delay names a registered delay type with valid params that name existing fields. */
export function checkDelays(ctx: RefContext): void {
  for (const [name, ref] of Object.entries(ctx.delays)) {
    checkRef(ctx, 'delay', ref, `/delays/${escapePointer(name)}`);
    checkDelayRefs(ctx, ref, `/delays/${escapePointer(name)}`);
  }
}
