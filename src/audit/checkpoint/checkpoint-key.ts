import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../common/canonical-json';

/** What a checkpoint signature covers (not the row id: it is known only once the row is stored). */
export interface SignedCheckpointFields {
  createdAt: string;
  count: number;
  root: string;
}

export interface CheckpointSigner {
  sign(fields: SignedCheckpointFields): string;
  /** SPKI PEM, published with every checkpoint it signs. */
  publicKeyPem: string;
}

/** Reads an Ed25519 PKCS#8 private key given as PEM or as base64 DER; throws naming the variable. */
export function parseCheckpointKey(text: string, variable = 'WAYPOST_CHECKPOINT_KEY'): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed)
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error(`${variable} is not a PEM or base64 PKCS#8 private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${variable} must be an Ed25519 key`);
  return key;
}

/**
 * Reads an Ed25519 public key given as PEM or as base64 SPKI DER (the key auditors pin, so a checkpoint
 * re-signed with any other key fails verification); throws naming where it came from.
 */
export function parseCheckpointPublicKey(text: string, source = 'WAYPOST_CHECKPOINT_PUBLIC_KEY'): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error(`${source} is not a PEM or base64 SPKI public key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source} must be an Ed25519 key`);
  return key;
}

/** The public half of a private key, or the key itself; PEM text is parsed. */
function asPublicKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string' || key.type === 'private' ? createPublicKey(key) : key;
}

export function publicKeyPemOf(key: KeyObject): string {
  return asPublicKey(key).export({ format: 'pem', type: 'spki' }).toString();
}

export function checkpointMessage(fields: SignedCheckpointFields): Buffer {
  return Buffer.from(
    canonicalJson({ createdAt: fields.createdAt, count: fields.count, root: fields.root }),
    'utf8',
  );
}

export function signerOf(privateKey: KeyObject): CheckpointSigner {
  const publicKeyPem = publicKeyPemOf(privateKey);
  return {
    publicKeyPem,
    sign: (fields) => sign(null, checkpointMessage(fields), privateKey).toString('base64'),
  };
}

/** False for a bad signature and for a key or signature that does not even parse. */
export function verifyCheckpointSignature(
  fields: SignedCheckpointFields,
  signature: string,
  publicKey: string | KeyObject,
): boolean {
  try {
    return verify(null, checkpointMessage(fields), asPublicKey(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
