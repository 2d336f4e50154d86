import { Command } from '@nestjs/cqrs';
import type { Role } from '../../../lifecycle/definition.types';
import type { CreatedPrincipalView } from '../../principal.view';

export class CreatePrincipalCommand extends Command<CreatedPrincipalView> {
  constructor(
    readonly name: string,
    readonly role: Role,
    readonly enterpriseId: string | undefined,
    readonly createdBy: string | undefined,
  ) {
    super();
  }
}
