import type { KeyObject } from 'node:crypto';
import type { BreakReason } from '../break-reasons';
import type { CheckpointRecord } from '../verify/verify-items';
import { parseCheckpointPublicKey, publicKeyPemOf, verifyCheckpointSignature } from './checkpoint-key';

export interface SignatureProblem {
  reason: Extract<BreakReason, 'modified' | 'untrusted'>;
  check: string;
  expected: unknown;
  found: unknown;
}

/**
 * Whether a checkpoint's signature holds. With a pinned key the signature must verify under that key,
 * never under the key the checkpoint itself carries (an operator can re-sign with their own), and a
 * `required` checkpoint must be signed at all. Without a pinned key, a signature must verify under the
 * key it carries: that shows the row is unchanged, not who signed it. `expected` names the checkpoint.
 */
export function signatureProblem(
  record: CheckpointRecord,
  pinned: KeyObject | null,
  required: boolean,
): SignatureProblem | null {
  if (record.signature === null)
    return pinned && required
      ? {
          reason: 'untrusted',
          check: 'checkpoint.signature',
          expected: { checkpoint: record.id, signature: 'a signature by the pinned key' },
          found: null,
        }
      : null;
  if (!pinned) {
    const valid =
      record.publicKey !== null && verifyCheckpointSignature(record, record.signature, record.publicKey);
    return valid ? null : badSignature(record);
  }
  if (verifyCheckpointSignature(record, record.signature, pinned)) return null;
  const pinnedPem = publicKeyPemOf(pinned);
  return record.publicKey !== null && !samePublicKey(record.publicKey, pinnedPem)
    ? {
        reason: 'untrusted',
        check: 'checkpoint.publicKey',
        expected: { checkpoint: record.id, publicKey: pinnedPem },
        found: record.publicKey,
      }
    : badSignature(record);
}

function badSignature(record: CheckpointRecord): SignatureProblem {
  return {
    reason: 'modified',
    check: 'checkpoint.signature',
    expected: { checkpoint: record.id, signature: 'a valid Ed25519 signature' },
    found: record.signature,
  };
}

/** The same key whatever its PEM line breaks; a key that does not parse is not the pinned one. */
function samePublicKey(pem: string, pinnedPem: string): boolean {
  try {
    return publicKeyPemOf(parseCheckpointPublicKey(pem, 'the checkpoint key')) === pinnedPem;
  } catch {
    return false;
  }
}
