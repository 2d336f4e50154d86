/** An authenticated caller's attempt that was refused (403, 409, 422); audited as a security entry. */
export class TransitionRefused {
  constructor(
    readonly principalId: string,
    readonly role: string,
    readonly projectId: string | null,
    readonly eventType: string | null,
    readonly status: number,
    readonly reason: string,
    readonly detail: Record<string, unknown>,
    readonly requestId: string | null,
    readonly occurredAt: string,
  ) {}
}
