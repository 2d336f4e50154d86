import type { JsonObject, StateValueJson } from '../../lifecycle/index';
import type { ReplayMismatch } from './replay-events';

export interface ReplayView {
  projectId: string;
  definition: { key: string; version: number };
  version: number;
  occurredAt: string;
  state: StateValueJson | null;
  context: JsonObject | null;
  status: string | null;
  matches: boolean;
  matchesEvents: boolean;
  matchesReadModel: boolean | null;
  mismatches: ReplayMismatch[];
}
