import type { KeyObject } from 'node:crypto';
import { parseCheckpointKey } from './checkpoint/checkpoint-key';

export const AUDIT_SETTINGS = Symbol('AUDIT_SETTINGS');

export interface AuditSettings {
  /** Seconds between scheduled checkpoints; 0 turns the schedule off. */
  checkpointIntervalS: number;
  checkpointKey: KeyObject | null;
}

type Env = Record<string, string | undefined>;

/** Reads the audit settings; throws naming the variable at fault. */
export function loadAuditSettings(env: Env = process.env): AuditSettings {
  const raw = env.WAYPOST_CHECKPOINT_INTERVAL_S?.trim();
  const interval = raw === undefined || raw === '' ? 3600 : Number(raw);
  if (!Number.isInteger(interval) || interval < 0 || interval > 31_536_000)
    throw new Error(
      `WAYPOST_CHECKPOINT_INTERVAL_S must be a whole number of seconds (0 = off), not "${raw}"`,
    );
  const key = env.WAYPOST_CHECKPOINT_KEY?.trim();
  return { checkpointIntervalS: interval, checkpointKey: key ? parseCheckpointKey(key) : null };
}
