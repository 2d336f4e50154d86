/**
 * An authenticated caller's request that was refused (403, 409, 412, 422), on any route. Audited as a
 * security entry; it is not an event of any project.
 */
export class RequestRefused {
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
