/**
 * The lifecycle definition format: plain JSON that bureau administrators edit and the engine runs.
 * Nothing here depends on Nest or the ORM; these types are the contract between the definition
 * registry, the engine (`step()`), diagrams and the console.
 */

export const ROLES = ['bureau', 'service', 'expert', 'enterprise', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who caused an event. `system` is the timer worker, never a principal. */
export type ActorRole = Role | 'system';
export interface Actor {
  id: string;
  role: ActorRole;
}

// A type alias, not an interface, so a label is assignable to JsonObject (e.g. inside `meta`).
export type LocalizedLabel = {
  zh: string;
  en: string;
};

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema document (draft 2020-12 subset that ajv understands). */
export type JsonSchema = JsonObject;

/** A named implementation from the registry, with its params: `{"type": "payloadEquals", "params": {...}}`. */
export interface NamedRef {
  type: string;
  params?: JsonObject;
}

export interface TransitionConfig {
  target?: string;
  guard?: NamedRef;
  actions?: NamedRef[];
  reenter?: boolean;
  description?: string;
}

export type TransitionsConfig = TransitionConfig | TransitionConfig[];

export interface StateConfig {
  type?: 'atomic' | 'compound' | 'parallel' | 'final';
  id?: string;
  initial?: string;
  meta?: { label: LocalizedLabel } & JsonObject;
  description?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, TransitionsConfig>;
  /** Delayed transitions keyed by a delay name declared in `LifecycleDefinition.delays`. */
  after?: Record<string, TransitionsConfig>;
  entry?: NamedRef[];
  exit?: NamedRef[];
}

export interface MachineConfigJson extends StateConfig {
  id: string;
  initial: string;
  context?: JsonObject;
  states: Record<string, StateConfig>;
}

export interface EventDefinition {
  label: LocalizedLabel;
  /** Roles that may send this event; `system` events are sent only by the timer worker. */
  roles: ActorRole[];
  /** JSON Schema of the payload. */
  payload: JsonSchema;
  description?: LocalizedLabel;
}

export interface LifecycleDefinition {
  key: string;
  title: LocalizedLabel;
  description?: LocalizedLabel;
  roles: Role[];
  /** JSON Schema of the data a project gives at creation. */
  data: JsonSchema;
  machine: MachineConfigJson;
  events: Record<string, EventDefinition>;
  /** Delays used by `after`, each a registered delay type with params. */
  delays?: Record<string, NamedRef>;
}
