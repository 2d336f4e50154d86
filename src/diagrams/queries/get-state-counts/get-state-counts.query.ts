import { Query } from '@nestjs/cqrs';
import type { DiagramCounts } from '../../render';

/** Counts of one (key, version) or, version null, of each key over all its versions. */
export interface StateCountsOf {
  key: string;
  version: number | null;
  states: DiagramCounts;
}

/** Counts per state for one definition key (optionally one version), or for every definition. */
export class GetStateCountsQuery extends Query<StateCountsOf[]> {
  constructor(
    readonly key?: string,
    readonly version?: number,
  ) {
    super();
  }
}
