import { Query } from '@nestjs/cqrs';
import type { LifecycleDefinition } from '../../../lifecycle/definition.types';

export interface PublishedDefinition {
  key: string;
  version: number;
  definition: LifecycleDefinition;
}

/** A published definition to run projects on: a given version, or the newest when none is given. */
export class GetPublishedDefinitionQuery extends Query<PublishedDefinition> {
  constructor(
    readonly key: string,
    readonly version?: number,
  ) {
    super();
  }
}
