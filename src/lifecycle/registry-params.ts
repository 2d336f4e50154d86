/**
 * Typed reads of registry params. Params were checked against their schema on save; these reads still
 * fall back to harmless defaults so a hand-edited definition cannot crash a transition.
 */
import type { JsonObject, JsonValue } from './definition.types';

export function stringParam(params: JsonObject, key: string, fallback = ''): string {
  const value = params[key];
  return typeof value === 'string' ? value : fallback;
}

export function optionalStringParam(params: JsonObject, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' ? value : undefined;
}

export function booleanParam(params: JsonObject, key: string, fallback: boolean): boolean {
  const value = params[key];
  return typeof value === 'boolean' ? value : fallback;
}

export function numberParam(params: JsonObject, key: string, fallback: number): number {
  const value = params[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function stringListParam(params: JsonObject, key: string): string[] {
  const value = params[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function valueParam(params: JsonObject, key: string): JsonValue {
  const value = params[key];
  return value === undefined ? null : value;
}
