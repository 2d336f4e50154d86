import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { canonicalHash } from '../../../common/canonical-json';
import { ProblemException } from '../../../common/problem';
import type { JsonObject } from '../../../lifecycle/definition.types';
import { assertValidDefinition } from '../../definition-problems';
import { DefinitionVersionEntity } from '../../definition-version.entity';
import { DefinitionVersionView } from '../../definition.views';
import { UpdateDraftCommand } from './update-draft.command';

@CommandHandler(UpdateDraftCommand)
export class UpdateDraftHandler implements ICommandHandler<UpdateDraftCommand> {
  constructor(private readonly em: EntityManager) {}

  async execute(command: UpdateDraftCommand): Promise<DefinitionVersionView> {
    const em = this.em.fork();
    const draft = await em.findOne(DefinitionVersionEntity, { key: command.key, version: command.version });
    if (!draft)
      throw ProblemException.notFound(`No version ${command.version} of definition ${command.key}.`);
    if (draft.status === 'published') {
      throw ProblemException.conflict(
        'published-immutable',
        `${command.key} v${command.version} is published and cannot change; create a new version.`,
      );
    }
    assertValidDefinition(command.body, command.key);
    const body = command.body as JsonObject;
    const bodyHash = canonicalHash(body);
    const changed = await em.nativeUpdate(
      DefinitionVersionEntity,
      { key: command.key, version: command.version, status: 'draft' },
      { body, bodyHash },
    );
    if (changed === 0) {
      throw ProblemException.conflict(
        'published-immutable',
        `${command.key} v${command.version} was published meanwhile.`,
      );
    }
    return DefinitionVersionView.full(Object.assign(draft, { body, bodyHash }));
  }
}
