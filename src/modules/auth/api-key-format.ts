/**
 * API key format: `fzk_<key id, 32 hex>_<secret, 43 base64url>`. The id finds the key; only the
 * SHA-256 of the secret is stored, and it is compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY = /^fzk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  keyId: string;
  secret: string;
}

export function parseApiKey(presented: string): ParsedApiKey | undefined {
  const match = KEY.exec(presented);
  if (!match?.[1] || !match[2]) return undefined;
  const hex = match[1];
  const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { keyId, secret: match[2] };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** A new key for the given id: the full key (shown once) and the hash to store. */
export function newApiKey(keyId: string): { key: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { key: `fzk_${keyId.replaceAll('-', '')}_${secret}`, secretHash: hashSecret(secret) };
}
