import { Command } from '@nestjs/cqrs';
import type { DefinitionSource } from '../../definition-version.entity';
import type { DefinitionVersionView } from '../../definition.views';

export class CreateDraftCommand extends Command<DefinitionVersionView> {
  constructor(
    readonly key: string,
    readonly body: unknown,
    readonly createdBy: string,
    readonly source: DefinitionSource = 'api',
  ) {
    super();
  }
}
