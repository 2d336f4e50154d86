import { Command } from '@nestjs/cqrs';
import type { AuthPrincipal } from '../../../auth/principal';

/** The HTTP answer, kept as text so an Idempotency-Key repeat returns it byte for byte. */
export interface StoredResponse {
  status: number;
  body: string;
  version: number;
}

export class SendEventCommand extends Command<StoredResponse> {
  constructor(
    readonly principal: AuthPrincipal,
    readonly projectId: string,
    readonly type: string,
    readonly payload: Record<string, unknown>,
    readonly ifMatch: number | undefined,
    readonly idempotencyKey: string | undefined,
    readonly requestId: string | null,
  ) {
    super();
  }
}
