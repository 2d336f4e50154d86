/** The API's JSON shapes, as the console reads them (see src/projects/project.views.ts). */
import type { Localized } from './i18n';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type StateValue = string | { [key: string]: StateValue };

export interface Deadline {
  key: string;
  delay: string;
  dueAt: string;
  derivation: { rule: string; baseDate: string | null; offset: string; pausedMs: number; changes: unknown[] };
}

export interface Project {
  id: string;
  enterpriseId: string;
  title: string;
  definition: { key: string; version: number };
  state: StateValue;
  statePaths: string[];
  status: 'active' | 'done';
  context: JsonObject;
  flags: string[];
  overdue: boolean;
  overdueSince?: string;
  daysOverdue?: number;
  deadlines: Deadline[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectPage {
  items: Project[];
  nextCursor?: string;
}

export interface ProjectEvent {
  version: number;
  type: string;
  payload: JsonObject;
  actor: { id: string; role: string; name?: string };
  occurredAt: string;
  stateBefore?: StateValue;
  stateAfter: StateValue;
  label?: Localized;
}

export interface AvailableEvent {
  type: string;
  label: Localized;
  description?: Localized;
  payload: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: Json[];
  const?: Json;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: Json;
}

export interface DefinitionSummary {
  key: string;
  version: number;
  status: 'draft' | 'published';
  title: Localized;
  createdAt: string;
  publishedAt?: string;
}

export interface DefinitionKey {
  key: string;
  latestPublished?: number;
  versions: DefinitionSummary[];
}

export interface StateNode {
  type?: string;
  meta?: { label?: Localized };
  states?: Record<string, StateNode>;
}

export interface Definition {
  key: string;
  title: Localized;
  machine: StateNode;
  events: Record<string, { label: Localized; payload?: JsonSchema }>;
  data?: JsonSchema;
}

export interface DefinitionVersion extends DefinitionSummary {
  definition: Definition;
}

export interface Stats {
  definitions: { key: string; version?: number; states: Record<string, { now: number; ever: number }> }[];
  totals: { projects: number; active: number; done: number; overdue: number };
  funnel: { appliedForAcceptance: number; mockDefenseHeld: number; passed: number; failed: number };
}

export interface Replay {
  version?: number;
  state?: StateValue;
  statePaths?: string[];
  context?: JsonObject;
  matches?: boolean;
  [key: string]: unknown;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: unknown;
}
