import type { ReplayMismatch } from './replay-events';

/** How many mismatches an answer lists; the rest are counted. */
export const MISMATCHES_SHOWN = 100;

export interface KeptMismatches {
  add(mismatch: ReplayMismatch): void;
  /** The first `limit` mismatches added, in order. */
  readonly kept: readonly ReplayMismatch[];
  /** How many were added in all. */
  total(): number;
}

/** Keeps the first mismatches and counts the rest: a stream that differs everywhere stays small. */
export function keptMismatches(limit = MISMATCHES_SHOWN): KeptMismatches {
  const kept: ReplayMismatch[] = [];
  let total = 0;
  return {
    add(mismatch) {
      total++;
      if (kept.length < limit) kept.push(mismatch);
    },
    kept,
    total: () => total,
  };
}
