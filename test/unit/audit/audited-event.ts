import type { AuditedEvent } from '../../../src/audit/audit-entry';

/** Event `version` of project `p`, as the verifiers read it: created first, then SUBMITs. */
export const auditedEvent = (version: number): AuditedEvent & { recordedAt: string } => ({
  projectId: 'p',
  version,
  type: version === 1 ? 'project.created' : 'SUBMIT',
  payload: { n: version },
  actorId: 'a',
  actorRole: 'bureau',
  occurredAt: '2026-01-01T00:00:00.000Z',
  stateBefore: version === 1 ? null : 'draft',
  stateAfter: 'draft',
  definitionKey: 'k',
  definitionVersion: 1,
  requestId: null,
  idempotencyKey: null,
  recordedAt: '2026-01-01T00:00:00.000Z',
});
