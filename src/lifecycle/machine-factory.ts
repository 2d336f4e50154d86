/**
 * The validating entry point to machines: one machine per definition object (WeakMap), built only for
 * definitions that `validateDefinition` accepts, so a published definition never crashes a transition.
 */
import type { LifecycleDefinition } from './definition.types';
import type { DefinitionProblem } from './engine.types';
import { buildMachine, type LifecycleMachine } from './machine-builder';
import { validateDefinition } from './validate';

export type { LifecycleMachine };

export class InvalidDefinitionError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`invalid lifecycle definition: ${problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ')}`);
    this.name = 'InvalidDefinitionError';
  }
}

const machines = new WeakMap<LifecycleDefinition, LifecycleMachine>();

/** The machine of a definition; throws InvalidDefinitionError when the definition does not validate. */
export function createMachine(definition: LifecycleDefinition): LifecycleMachine {
  const cached = machines.get(definition);
  if (cached) return cached;
  const { valid, problems } = validateDefinition(definition);
  if (!valid) throw new InvalidDefinitionError(problems);
  const machine = buildMachine(definition);
  machines.set(definition, machine);
  return machine;
}
