import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'wp_';
/** Bearer tokens are printable ASCII without spaces; anything else is refused before a lookup. */
const WELL_FORMED_KEY = /^[\x21-\x7e]{16,256}$/;

/** 256 bits of randomness; the key is shown once and only its hash is stored. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Keys carry 256 bits of entropy, so a fast hash is enough: nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function displayPrefix(key: string): string {
  return key.slice(0, 10);
}

export function isWellFormedKey(key: string): boolean {
  return WELL_FORMED_KEY.test(key);
}
