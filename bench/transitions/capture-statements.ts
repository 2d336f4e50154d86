import type { EntityManager } from '@mikro-orm/postgresql';
import type { PreparedSql } from '../../src/database/prepared-sql';
import { EventStore } from '../../src/event-store/event-store';
import type { Deadline } from '../../src/event-store/event-store.types';
import type { LifecycleDefinition } from '../../src/lifecycle/definition.types';
import type { SnapshotJson } from '../../src/lifecycle/engine.types';
import { step } from '../../src/lifecycle/step';
import { readModelOf } from '../../src/projects/read-model';
import { progressReport } from '../engine/payloads';
import type { AppConfig } from '../../src/config/app-config';

/** One statement as the service hands it to the driver: `?` placeholders and their values. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The statements of one PROGRESS_REPORT transition, in the order the service issues them. The API-key
 * lookup is not among them: the service caches authenticated principals, so a warm key costs no query.
 */
export interface TransitionStatements {
  loadHead: Statement;
  append: Statement;
}

/** Values no real transition has, so their places in `append.params` can be found by equality. */
export const SENTINEL = {
  projectId: 'b0000000-0000-4000-8000-00000000beef',
  expectedVersion: 987_654,
  version: 987_655,
  key: 'bench-sentinel-key',
} as const;

export interface SampleHead {
  definition: LifecycleDefinition;
  definitionKey: string;
  definitionVersion: number;
  snapshot: SnapshotJson;
  deadlines: Deadline[];
  chainHead: string;
}

/**
 * Records the SQL the service's own classes issue, by handing them a connection that records instead
 * of executing: the ceiling then runs exactly these statements, not a hand-written imitation.
 */
export async function captureStatements(
  head: SampleHead,
  principal: { id: string },
): Promise<TransitionStatements> {
  const recorded: Statement[] = [];
  const store = recordingStore(recorded);
  await store.loadHead(SENTINEL.projectId, { principalId: principal.id, key: SENTINEL.key });
  const actor = { id: principal.id, role: 'enterprise' as const };
  const occurredAt = new Date().toISOString();
  const result = step(
    head.definition,
    head.snapshot,
    { type: 'PROGRESS_REPORT', payload: progressReport(7) },
    actor,
    occurredAt,
  );
  if (!result.ok)
    throw new Error(`the sample head refuses PROGRESS_REPORT: ${JSON.stringify(result.refusal)}`);
  await store.append({
    projectId: SENTINEL.projectId,
    expectedVersion: SENTINEL.expectedVersion,
    definition: { key: head.definitionKey, version: head.definitionVersion },
    stateBefore: head.snapshot.value,
    prevHash: head.chainHead,
    event: {
      type: 'PROGRESS_REPORT',
      payload: progressReport(7),
      actor,
      occurredAt,
      requestId: SENTINEL.key,
      idempotencyKey: SENTINEL.key,
    },
    readModel: readModelOf(result, head.deadlines, SENTINEL.version),
    timers: result.effects,
    idempotency: {
      principalId: principal.id,
      key: SENTINEL.key,
      requestHash: 'f'.repeat(64),
      status: 200,
      body: JSON.stringify({ version: SENTINEL.version, state: result.value, event: 'PROGRESS_REPORT' }),
    },
  });
  const [loadHead, append] = recorded;
  return { loadHead, append };
}

/**
 * An EventStore whose hot statements go to a recorder: outside a transaction both of them run through
 * `PreparedSql.query`, and the EntityManager is never reached, so it need not be a real one.
 */
function recordingStore(recorded: Statement[]): EventStore {
  const sql = {
    query: (_name: string, text: string, params: unknown[]): Promise<object[]> => {
      recorded.push({ sql: text, params });
      return Promise.resolve([{ id: 'recorded', appended: 1, request_hash: null, updated_at: new Date() }]);
    },
  };
  // The service's default poll interval, so NOTIFY is issued exactly when the service would issue it.
  const config = { timers: { enabled: true, pollMs: 5000, batchSize: 100 } } as AppConfig;
  return new EventStore({} as EntityManager, sql as unknown as PreparedSql, config);
}
