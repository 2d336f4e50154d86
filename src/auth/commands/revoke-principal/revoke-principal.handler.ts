import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { ProblemException } from '../../../common/problem';
import { PrincipalCache } from '../../principal-cache';
import { PrincipalEntity } from '../../principal.entity';
import { PrincipalView } from '../../principal.view';
import { RevokePrincipalCommand } from './revoke-principal.command';

@CommandHandler(RevokePrincipalCommand)
export class RevokePrincipalHandler implements ICommandHandler<RevokePrincipalCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly cache: PrincipalCache,
  ) {}

  async execute(command: RevokePrincipalCommand): Promise<PrincipalView> {
    const em = this.em.fork();
    const principal = await em.findOne(PrincipalEntity, { id: command.principalId });
    if (!principal) throw ProblemException.notFound(`No principal ${command.principalId}.`);
    if (principal.id === command.revokedBy) {
      throw ProblemException.conflict('self-revocation', 'A principal cannot revoke its own key.');
    }
    if (principal.revokedAt) {
      throw ProblemException.conflict('already-revoked', `Principal ${principal.id} is already revoked.`);
    }
    principal.revokedAt = new Date();
    await em.flush();
    await this.cache.invalidateEverywhere();
    return PrincipalView.of(principal);
  }
}
