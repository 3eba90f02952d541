/**
 * OB 3.0 IdentityHash (§B.1.4 IdentityObject, derived type IdentityHash):
 * `sha256$` + hex(SHA-256(identifier ‖ salt)), both UTF-8.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * OB 3.0 does not say how to normalise an email before hashing; Laurel trims and lower-cases it,
 * as OB 2.0 practice did, so a learner typing "Ada@Example.org " still matches.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function identityHash(identifier: string, salt: string): string {
  return `sha256$${bytesToHex(sha256(utf8ToBytes(identifier + salt)))}`;
}

/** Compares case-insensitively on the hex, as the spec allows upper- or lower-case hex. */
export function matchesIdentityHash(identifier: string, salt: string, expected: string): boolean {
  const [algorithm, hex] = expected.split('$');
  if (algorithm !== 'sha256' || !hex) return false;
  return identityHash(identifier, salt).slice('sha256$'.length) === hex.toLowerCase();
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
