/** The public API of the lifecycle domain: definitions, validation, machines, step, replay. */
export * from './definition.types';
export * from './engine.types';
export {
  DEFINITION_SCHEMA,
  MAX_DEFINITION_BYTES,
  MAX_JSON_DEPTH,
  MAX_STATE_DEPTH,
  MAX_STATES,
} from './definition.schema';
export { parseDefinition, validateDefinition } from './validate';
export { createMachine, InvalidDefinitionError, type LifecycleMachine } from './machine-factory';
export { initialize, INIT_EVENT } from './initialize';
export { step } from './step';
export { replay, replayStates, type ReplayInput, type ReplayResult, type StatesResult } from './replay';
export { startReplay, type Fed, type Replayer, type ReplayStart } from './replayer';
export { availableEvents } from './available-events';
export { afterEventType, afterEvents, isAfterEventType, timerKey, type AfterEvent } from './after-events';
export { ACTIONS, DELAYS, GUARDS, registeredNames } from './registry';
export type { ActionEntry, Deadline, DelayEntry, GuardEntry } from './registry.types';
export { parseIsoDuration, addDuration, type IsoDuration } from './iso-duration';
