import { Command } from '@nestjs/cqrs';
import type { DefinitionVersionView } from '../../definition.views';

export class UpdateDraftCommand extends Command<DefinitionVersionView> {
  constructor(
    readonly key: string,
    readonly version: number,
    readonly body: unknown,
  ) {
    super();
  }
}
