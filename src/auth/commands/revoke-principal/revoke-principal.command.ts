import { Command } from '@nestjs/cqrs';
import type { PrincipalView } from '../../principal.view';

export class RevokePrincipalCommand extends Command<PrincipalView> {
  constructor(
    readonly principalId: string,
    readonly revokedBy: string,
  ) {
    super();
  }
}
