/**
 * The registry of named guards, actions and delays a definition may reference. Definitions name an
 * entry and give params; validation checks both against this registry before a definition is saved.
 */
import { ACTIONS } from './registry-actions';
import { DELAYS } from './registry-delays';
import { GUARDS } from './registry-guards';
import type { ActionEntry, DelayEntry, GuardEntry } from './registry.types';

export { ACTIONS, DELAYS, GUARDS };
export type { ActionEntry, DelayEntry, GuardEntry };

export type RegistryKind = 'guard' | 'action' | 'delay';

/** The entry for a name, or undefined; own properties only, so `constructor` is not a guard. */
export function lookup(kind: RegistryKind, name: string): GuardEntry | ActionEntry | DelayEntry | undefined {
  const table: Record<string, GuardEntry | ActionEntry | DelayEntry> =
    kind === 'guard' ? GUARDS : kind === 'action' ? ACTIONS : DELAYS;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Names a definition may use, for error messages and the console's editor. */
export function registeredNames(kind: RegistryKind): string[] {
  return Object.keys(kind === 'guard' ? GUARDS : kind === 'action' ? ACTIONS : DELAYS);
}
