import { ProblemException } from '../common/problem';
import type { IdempotencyRecord } from '../event-store/event-store.types';
import type { StoredResponse } from './commands/send-event/send-event.command';

/** A repeat of an Idempotency-Key: the first answer again, or 422 when the request is not the same. */
export function replayStored(record: IdempotencyRecord, requestHash: string): StoredResponse {
  if (record.requestHash !== requestHash) {
    throw new ProblemException(
      422,
      'idempotency-key-reused',
      'This Idempotency-Key was used with a different request.',
      {
        errors: [{ path: '/headers/idempotency-key', message: 'already used for a different request body' }],
      },
    );
  }
  const version = (JSON.parse(record.body) as { version?: number }).version ?? 0;
  return { status: record.status, body: record.body, version };
}
