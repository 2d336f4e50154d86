import { Command } from '@nestjs/cqrs';
import type { DefinitionVersionView } from '../../definition.views';

export class PublishVersionCommand extends Command<DefinitionVersionView> {
  constructor(
    readonly key: string,
    readonly version: number,
    readonly publishedBy: string,
  ) {
    super();
  }
}
