import { Command } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';
import type { StoredResponse } from '../send-event/send-event.command';

export class CreateProjectCommand extends Command<StoredResponse> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly definitionKey: string,
    readonly definitionVersion: number | undefined,
    readonly title: string,
    readonly data: Record<string, unknown>,
    readonly enterpriseId: string,
    readonly idempotencyKey: string | undefined,
    readonly requestId: string | null,
  ) {
    super();
  }
}
