import { replayEvents, type ReplayEventRow } from '../../src/audit/replay/replay-events';
import { ChainVerifier } from '../../src/audit/verify/chain-verifier';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import type { Replica } from '../engine/replica';

/**
 * What an auditor's replay does for one project, with the service's functions: re-execute every
 * event through `step()` and compare each state, then re-derive every audit entry and walk the hash
 * chain to the recorded head. Throws on any mismatch, which would mean the bench data is wrong.
 */
export function replayVerified(definition: LifecycleDefinition, replica: Replica): void {
  const rows = replica.events.map((event): ReplayEventRow => ({
    version: event.version,
    type: event.type,
    payload: event.payload as ReplayEventRow['payload'],
    actorId: event.actorId,
    actorRole: event.actorRole,
    occurredAt: event.occurredAt,
    stateAfter: event.stateAfter,
  }));
  const outcome = replayEvents(definition, rows);
  if (outcome.mismatches.length > 0)
    throw new Error(`replay mismatch: ${JSON.stringify(outcome.mismatches[0])}`);
  const verifier = new ChainVerifier();
  const last = replica.chain[replica.chain.length - 1];
  verifier.accept({
    kind: 'project',
    projectId: replica.projectId,
    head: { version: rows.length, chainHead: last.hash },
    checkpointHead: null,
  });
  replica.events.forEach((event, index) =>
    verifier.accept({
      kind: 'entry',
      event: { ...event, recordedAt: event.occurredAt },
      audit: replica.chain[index],
    }),
  );
  verifier.accept({ kind: 'checkpoint', checkpoint: null });
  const result = verifier.result();
  if (!result.ok) throw new Error(`chain broken: ${JSON.stringify(result.firstBroken)}`);
}
