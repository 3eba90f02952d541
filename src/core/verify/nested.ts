/**
 * Credentials inside a credential, each verified on its own with the same checks:
 *
 * - endorsements (OB 3.0 §"Verification", step "Endorsements": each embedded EndorsementCredential
 *   is verified the same way), in the `endorsement` lists of the credential, its issuer Profile,
 *   its Achievement and the Achievement's creator Profile;
 * - the credentials a CLR 2.0 ClrCredential holds (`credentialSubject.verifiableCredential`): the
 *   CLR's own proof covers the bundle, each credential's proof covers itself.
 *
 * Bounded: at most MAX_NESTED_CREDENTIALS of them, and one level only (the caller verifies a nested
 * credential without looking inside it again), so a hostile bundle cannot multiply the work.
 */
import { MAX_NESTED_CREDENTIALS } from '../limits.ts';
import type { NestedCredentials, NestedReport, VerificationReport } from './check.ts';
import type { CredentialFamily } from './format.ts';
import { asArray, idOf, isRecord, type Json } from './json-shape.ts';

interface Found {
  readonly role: NestedReport['role'];
  readonly pointer: string;
  readonly credential: unknown;
  /** For an endorsement, the id of the object it is embedded in. */
  readonly container?: { readonly id: string | undefined };
}


/** The endorsements listed on one object (an `endorsement` set, compacted to one object or not). */
function endorsementsOf(owner: unknown, pointer: string): Found[] {
  if (!isRecord(owner)) return [];
  const list = owner['endorsement'];
  const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
  const at = Array.isArray(list) ? (index: number) => `${pointer}/endorsement/${index}` : () => `${pointer}/endorsement`;
  return items.map((credential, index) => ({ role: 'endorsement', pointer: at(index), credential, container: { id: idOf(owner) } }));
}

/** Every nested credential, in document order. */
export function findNestedCredentials(doc: Json, family: CredentialFamily): Found[] {
  const subject = doc['credentialSubject'];
  if (family === 'clr') {
    const inner = isRecord(subject) ? subject['verifiableCredential'] : undefined;
    return asArray(inner).map((credential, index) => ({
      role: 'clr-credential',
      pointer: Array.isArray(inner) ? `/credentialSubject/verifiableCredential/${index}` : '/credentialSubject/verifiableCredential',
      credential,
    }));
  }
  const achievement = isRecord(subject) ? subject['achievement'] : undefined;
  const creator = isRecord(achievement) ? achievement['creator'] : undefined;
  return [
    ...endorsementsOf(doc, ''),
    ...endorsementsOf(doc['issuer'], '/issuer'),
    ...endorsementsOf(achievement, '/credentialSubject/achievement'),
    ...endorsementsOf(creator, '/credentialSubject/achievement/creator'),
  ];
}

/**
 * Verifies each nested credential with `verify` (the caller's verifyCredential, told not to look
 * further in). Undefined when there are none, so a report without any stays as it was.
 */
export async function verifyNestedCredentials(
  doc: Json,
  family: CredentialFamily,
  verify: (credential: unknown) => Promise<VerificationReport>,
): Promise<NestedCredentials | undefined> {
  const found = findNestedCredentials(doc, family);
  if (found.length === 0) return undefined;
  const reports: NestedReport[] = [];
  for (const item of found.slice(0, MAX_NESTED_CREDENTIALS)) {
    const report = await verify(item.credential);
    const subject = isRecord(item.credential) ? item.credential['credentialSubject'] : undefined;
    // OB 3.0 EndorsementSubject.id: "the identifier of the individual, entity, organization,
    // assertion, or achievement that is endorsed"; embedded, that is the object it is listed on.
    const endorses = item.container ? { endorses: { id: item.container.id, matches: item.container.id !== undefined && idOf(subject) === item.container.id } } : {};
    reports.push({ role: item.role, pointer: item.pointer, ...endorses, report });
  }
  return { reports, notVerified: Math.max(0, found.length - MAX_NESTED_CREDENTIALS) };
}
