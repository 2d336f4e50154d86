import { createPublicKey, type KeyObject } from 'node:crypto';
import { parseCheckpointKey, parseCheckpointPublicKey, publicKeyPemOf } from './checkpoint/checkpoint-key';

export const AUDIT_SETTINGS = Symbol('AUDIT_SETTINGS');

export interface AuditSettings {
  /** Seconds between scheduled checkpoints; 0 turns the schedule off. */
  checkpointIntervalS: number;
  checkpointKey: KeyObject | null;
  /** The key checkpoint signatures must verify under; null trusts the key each checkpoint carries. */
  checkpointPublicKey: KeyObject | null;
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
  const checkpointKey = key ? parseCheckpointKey(key) : null;
  return {
    checkpointIntervalS: interval,
    checkpointKey,
    checkpointPublicKey: pinnedKeyOf(env.WAYPOST_CHECKPOINT_PUBLIC_KEY?.trim(), checkpointKey),
  };
}

/** The configured public key, else the signing key's own; a pair that does not match is refused. */
function pinnedKeyOf(text: string | undefined, signingKey: KeyObject | null): KeyObject | null {
  if (!text) return signingKey ? createPublicKey(signingKey) : null;
  const pinned = parseCheckpointPublicKey(text);
  if (signingKey && publicKeyPemOf(signingKey) !== publicKeyPemOf(pinned))
    throw new Error('WAYPOST_CHECKPOINT_PUBLIC_KEY is not the public key of WAYPOST_CHECKPOINT_KEY');
  return pinned;
}
