import type { LocalizedLabel } from '../../lifecycle/definition.types';
import { BREAK_REASONS, type BreakReason } from '../break-reasons';

/** The first place the trail is broken, located and explained. */
export interface BrokenPlace {
  projectId: string | null;
  version: number | null;
  reason: BreakReason;
  label: LocalizedLabel;
  /** Which check failed, e.g. `hash`, `entry.payloadDigest`, `prevHash`, `chainHead`, `checkpoint`. */
  check: string;
  expected: unknown;
  found: unknown;
}

export interface VerifyResult {
  ok: boolean;
  /** Audit entries checked (all of them when ok). */
  checked: number;
  firstBroken: BrokenPlace | null;
}

export function broken(place: Omit<BrokenPlace, 'label'> & { reason: BreakReason }): BrokenPlace {
  return { ...place, label: BREAK_REASONS[place.reason] };
}
