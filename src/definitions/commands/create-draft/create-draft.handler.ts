import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { canonicalHash } from '../../../common/canonical-json';
import { ProblemException } from '../../../common/problem';
import type { JsonObject } from '../../../lifecycle/definition.types';
import { assertValidDefinition } from '../../definition-problems';
import { DefinitionVersionEntity } from '../../definition-version.entity';
import { DefinitionVersionView } from '../../definition.views';
import { CreateDraftCommand } from './create-draft.command';

@CommandHandler(CreateDraftCommand)
export class CreateDraftHandler implements ICommandHandler<CreateDraftCommand> {
  constructor(private readonly em: EntityManager) {}

  async execute(command: CreateDraftCommand): Promise<DefinitionVersionView> {
    assertValidDefinition(command.body, command.key);
    const body = command.body as JsonObject;
    const em = this.em.fork();
    const rows = await em
      .getConnection()
      .execute<{ next: number }[]>(
        'select coalesce(max(version), 0) + 1 as next from definition_versions where key = ?',
        [command.key],
      );
    const draft = em.create(DefinitionVersionEntity, {
      key: command.key,
      version: rows[0].next,
      status: 'draft',
      body,
      bodyHash: canonicalHash(body),
      source: command.source,
      createdBy: command.createdBy,
      createdAt: new Date(),
    });
    try {
      await em.persistAndFlush(draft);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw ProblemException.conflict(
          'version-race',
          `Another version of ${command.key} was created at the same time; retry.`,
        );
      }
      throw error;
    }
    return DefinitionVersionView.full(draft);
  }
}
