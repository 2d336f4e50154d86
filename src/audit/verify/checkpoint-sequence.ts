import type { KeyObject } from 'node:crypto';
import { signatureProblem } from '../checkpoint/checkpoint-trust';
import type { CheckpointRecord } from './verify-items';
import { broken, type BrokenPlace } from './verify-result';

/**
 * The checkpoints of an export, oldest first, one at a time: each signature holds under the rules of
 * the database verify, ids increase and counts never decrease (a project, once covered, is never
 * deleted). Keeps only the last one seen: the latest, whose root the exported heads must give.
 */
export class CheckpointSequence {
  private last: CheckpointRecord | null = null;
  // Checkpoints before the first signed one were taken before a key was configured; after it, all are signed.
  private signedBefore = false;
  private seen = 0;

  constructor(private readonly pinnedKey: KeyObject | null = null) {}

  get latest(): CheckpointRecord | null {
    return this.last;
  }

  get count(): number {
    return this.seen;
  }

  /** Feeds the next checkpoint; answers where it breaks the sequence, or null. */
  accept(record: CheckpointRecord): BrokenPlace | null {
    const problem = signatureProblem(record, this.pinnedKey, this.signedBefore) ?? this.orderProblem(record);
    if (problem) return broken({ projectId: null, version: null, ...problem });
    this.signedBefore ||= record.signature !== null;
    this.last = record;
    this.seen++;
    return null;
  }

  private orderProblem(record: CheckpointRecord) {
    const previous = this.last;
    if (!previous) return null;
    if (record.id <= previous.id)
      return {
        reason: 'reordered' as const,
        check: 'checkpoint.id',
        expected: { after: previous.id },
        found: record.id,
      };
    if (record.count < previous.count)
      return {
        reason: 'truncated' as const,
        check: 'checkpoint.count',
        expected: { checkpoint: record.id, atLeast: { checkpoint: previous.id, count: previous.count } },
        found: record.count,
      };
    return null;
  }
}
