/**
 * The recipient check: OB 3.0 verification.md "Verify the Recipient Using an Identifier", for
 * email addresses (§1.6). The address is compared here; nothing is sent anywhere.
 */
import { identityHash, matchesIdentityHash, normalizeEmail } from '../identity-hash.ts';
import { result, type CheckResult } from './check.ts';
import { asArray, isRecord, type Json } from './json-shape.ts';

export function checkRecipient(doc: Json, email: string | undefined): CheckResult {
  if (email === undefined) return result('recipient', 'skipped', 'recipient.no-email-given');
  const identifiers = asArray(doc['credentialSubject'])
    .filter(isRecord)
    .flatMap((subject) => asArray(subject['identifier']))
    .filter((identifier): identifier is Json => isRecord(identifier) && identifier['identityType'] === 'emailAddress');
  if (identifiers.length === 0) return result('recipient', 'unknown', 'recipient.no-email-identifier');
  // Laurel hashes the normalised address; another issuer may have hashed it exactly as typed.
  const candidates = [...new Set([normalizeEmail(email), email.trim()])];
  const compared = identifiers.map((identifier) => {
    const expected = identifier['identityHash'];
    const salt = typeof identifier['salt'] === 'string' ? identifier['salt'] : '';
    if (typeof expected !== 'string') return { identityHash: expected, matches: false };
    if (identifier['hashed'] === true) {
      return { identityHash: expected, salt, computedHash: identityHash(normalizeEmail(email), salt), matches: candidates.some((candidate) => matchesIdentityHash(candidate, salt, expected)) };
    }
    return { identityHash: expected, hashed: false, matches: normalizeEmail(expected) === normalizeEmail(email) };
  });
  const details = { identifiers: compared };
  if (compared.some((item) => item.matches)) return result('recipient', 'passed', 'recipient.match', {}, details);
  return result('recipient', 'failed', 'recipient.mismatch', {}, details);
}
