import { Query } from '@nestjs/cqrs';
import type { DefinitionKeyView } from '../../definition.views';

export class ListDefinitionsQuery extends Query<DefinitionKeyView[]> {
  /** Drafts are the bureau's work in progress; other roles see published versions only. */
  constructor(readonly includeDrafts: boolean) {
    super();
  }
}
