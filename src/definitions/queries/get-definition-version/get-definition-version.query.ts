import { Query } from '@nestjs/cqrs';
import type { DefinitionVersionView } from '../../definition.views';

export class GetDefinitionVersionQuery extends Query<DefinitionVersionView> {
  constructor(
    readonly key: string,
    readonly version: number,
    readonly includeDrafts: boolean,
  ) {
    super();
  }
}
