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

/** Tells generated keys apart: `wp_` and 7 of their 43 random characters, leaving over 200 bits unknown. */
export function displayPrefix(key: string): string {
  return key.slice(0, 10);
}

/**
 * Shown instead of a prefix for the key from WAYPOST_ADMIN_KEY: the operator chose that key and it may
 * be as short as 16 characters, so no part of it (nor of its hash, an offline oracle) is shown.
 */
export const OPERATOR_KEY_LABEL = '(environment)';

export function isWellFormedKey(key: string): boolean {
  return WELL_FORMED_KEY.test(key);
}
