import type { StateValueJson } from '../../lifecycle/engine.types';

/** Published on the EventBus after the append has committed, never before. */
export class EventAppended {
  constructor(
    readonly projectId: string,
    readonly enterpriseId: string,
    readonly version: number,
    readonly type: string,
    readonly actor: { id: string; role: string },
    readonly occurredAt: string,
    readonly stateBefore: StateValueJson | null,
    readonly stateAfter: StateValueJson,
    readonly definition: { key: string; version: number },
  ) {}
}
