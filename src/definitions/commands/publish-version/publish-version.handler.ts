import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProblemException } from '../../../common/problem';
import { assertValidDefinition } from '../../definition-problems';
import { DefinitionVersionEntity } from '../../definition-version.entity';
import { DefinitionVersionView } from '../../definition.views';
import { PublishVersionCommand } from './publish-version.command';

/** Publishing freezes a version for good; it is re-validated first, since only valid machines may run. */
@CommandHandler(PublishVersionCommand)
export class PublishVersionHandler implements ICommandHandler<PublishVersionCommand> {
  constructor(private readonly em: EntityManager) {}

  async execute(command: PublishVersionCommand): Promise<DefinitionVersionView> {
    const em = this.em.fork();
    const draft = await em.findOne(DefinitionVersionEntity, { key: command.key, version: command.version });
    if (!draft)
      throw ProblemException.notFound(`No version ${command.version} of definition ${command.key}.`);
    if (draft.status === 'published') {
      throw ProblemException.conflict(
        'already-published',
        `${command.key} v${command.version} is already published.`,
      );
    }
    assertValidDefinition(draft.body, command.key);
    const publishedAt = new Date();
    // Conditional on still being a draft, so two concurrent publishes cannot both succeed.
    const changed = await em.nativeUpdate(
      DefinitionVersionEntity,
      { key: command.key, version: command.version, status: 'draft' },
      { status: 'published', publishedBy: command.publishedBy, publishedAt },
    );
    if (changed === 0) {
      throw ProblemException.conflict(
        'already-published',
        `${command.key} v${command.version} is already published.`,
      );
    }
    return DefinitionVersionView.full(
      Object.assign(draft, { status: 'published', publishedBy: command.publishedBy, publishedAt }),
    );
  }
}
