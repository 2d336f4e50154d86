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

export function checkpointMessage(fields: SignedCheckpointFields): Buffer {
  return Buffer.from(
    canonicalJson({ createdAt: fields.createdAt, count: fields.count, root: fields.root }),
    'utf8',
  );
}

export function signerOf(privateKey: KeyObject): CheckpointSigner {
  const publicKeyPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  return {
    publicKeyPem,
    sign: (fields) => sign(null, checkpointMessage(fields), privateKey).toString('base64'),
  };
}

/** False for a bad signature and for a key or signature that does not even parse. */
export function verifyCheckpointSignature(
  fields: SignedCheckpointFields,
  signature: string,
  publicKeyPem: string,
): boolean {
  try {
    return verify(
      null,
      checkpointMessage(fields),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
