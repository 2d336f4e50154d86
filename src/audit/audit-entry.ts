import { canonicalHash, canonicalJson, sha256Hex } from '../common/canonical-json';
import type { ActorRole, JsonValue } from '../lifecycle/definition.types';

export const GENESIS_HASH = '0'.repeat(64);

/** What the audit log says about one appended event; the chain hashes exactly this. */
export interface AuditEntry {
  projectId: string;
  version: number;
  type: string;
  payloadDigest: string;
  actor: { id: string; role: ActorRole };
  occurredAt: string;
  stateBefore: JsonValue | null;
  stateAfter: JsonValue;
  definition: { key: string; version: number };
  requestId: string | null;
  idempotencyKey: string | null;
}

/** The facts of an event from which its audit entry is derived (and re-derived when verifying). */
export interface AuditedEvent {
  projectId: string;
  version: number;
  type: string;
  payload: JsonValue;
  actorId: string;
  actorRole: ActorRole;
  occurredAt: string;
  stateBefore: JsonValue | null;
  stateAfter: JsonValue;
  definitionKey: string;
  definitionVersion: number;
  requestId: string | null;
  idempotencyKey: string | null;
}

export function auditEntryOf(event: AuditedEvent): AuditEntry {
  return {
    projectId: event.projectId,
    version: event.version,
    type: event.type,
    payloadDigest: canonicalHash(event.payload),
    actor: { id: event.actorId, role: event.actorRole },
    occurredAt: event.occurredAt,
    stateBefore: event.stateBefore,
    stateAfter: event.stateAfter,
    definition: { key: event.definitionKey, version: event.definitionVersion },
    requestId: event.requestId,
    idempotencyKey: event.idempotencyKey,
  };
}

/** `sha256(prev_hash || canonical_json(entry))`, hex. */
export function chainHash(prevHash: string, entry: AuditEntry): string {
  return sha256Hex(prevHash + canonicalJson(entry));
}
