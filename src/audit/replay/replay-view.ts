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
  /** At most the first MISMATCHES_SHOWN of the events', then the read model's. */
  mismatches: ReplayMismatch[];
  /** How many mismatches there are in all, listed or not. */
  mismatchCount: number;
}
