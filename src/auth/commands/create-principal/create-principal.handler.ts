import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { displayPrefix, generateApiKey, hashApiKey } from '../../api-key';
import { PrincipalEntity } from '../../principal.entity';
import { CreatedPrincipalView, PrincipalView } from '../../principal.view';
import { CreatePrincipalCommand } from './create-principal.command';

@CommandHandler(CreatePrincipalCommand)
export class CreatePrincipalHandler implements ICommandHandler<CreatePrincipalCommand> {
  constructor(private readonly em: EntityManager) {}

  async execute(command: CreatePrincipalCommand): Promise<CreatedPrincipalView> {
    const apiKey = generateApiKey();
    const em = this.em.fork();
    const principal = em.create(PrincipalEntity, {
      id: randomUUID(),
      name: command.name,
      role: command.role,
      enterpriseId: command.enterpriseId ?? null,
      keyHash: hashApiKey(apiKey),
      keyPrefix: displayPrefix(apiKey),
      createdAt: new Date(),
      createdBy: command.createdBy ?? null,
    });
    await em.persistAndFlush(principal);
    return { ...PrincipalView.of(principal), apiKey };
  }
}
