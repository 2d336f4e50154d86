import {
  auditEntryOf,
  chainHash,
  GENESIS_HASH,
  type AuditedEvent,
  type AuditEntry,
} from '../../src/audit/audit-entry';
import type { JsonObject } from '../../src/lifecycle/definition.types';
import type { History, HistoryEvent } from './history';

export interface Identity {
  projectId: string;
  enterpriseId: string;
  title: string;
}

export interface ChainedEntry {
  entry: AuditEntry;
  prevHash: string;
  hash: string;
}

/** A template history given its own ids, with its audit chain recomputed for them. */
export interface Replica extends Identity {
  history: History;
  events: AuditedEvent[];
  chain: ChainedEntry[];
}

export const DEFINITION_REF = { key: 'industrial-project', version: 1 };

/** The creation event records title and enterprise, so its payload is the replica's own. */
export function payloadOf(event: HistoryEvent, identity: Identity, data: JsonObject): JsonObject {
  return event.version === 1
    ? { title: identity.title, enterpriseId: identity.enterpriseId, data }
    : event.payload;
}

export function replicate(history: History, identity: Identity, definition = DEFINITION_REF): Replica {
  const events = history.events.map((event): AuditedEvent => ({
    projectId: identity.projectId,
    version: event.version,
    type: event.type,
    payload: payloadOf(event, identity, history.data),
    actorId: event.actor.id,
    actorRole: event.actor.role,
    occurredAt: event.occurredAt,
    stateBefore: event.stateBefore,
    stateAfter: event.stateAfter,
    definitionKey: definition.key,
    definitionVersion: definition.version,
    requestId: null,
    idempotencyKey: null,
  }));
  let prevHash = GENESIS_HASH;
  const chain = events.map((event) => {
    const entry = auditEntryOf(event);
    const link = { entry, prevHash, hash: chainHash(prevHash, entry) };
    prevHash = link.hash;
    return link;
  });
  return { ...identity, history, events, chain };
}
