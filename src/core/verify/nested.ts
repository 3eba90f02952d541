/**
 * Credentials inside a credential, each verified on its own with the same checks:
 *
 * - endorsements (OB 3.0 §"Verification", step "Endorsements": each embedded EndorsementCredential
 *   is verified the same way), in the `endorsement` lists of the credential, its issuer Profile,
 *   its Achievement and the Achievement's creator Profile;
 * - the credentials a CLR 2.0 ClrCredential holds (`credentialSubject.verifiableCredential`): the
 *   CLR's own proof covers the bundle, each credential's proof covers itself.
 *
 * Bounded: at most MAX_NESTED_CREDENTIALS endorsements or MAX_CLR_CREDENTIALS credentials of a CLR,
 * and one level only (the caller verifies a nested credential without looking inside it again), so
 * a hostile bundle cannot multiply the work.
 */
import { MAX_CLR_CREDENTIALS, MAX_NESTED_CREDENTIALS } from '../limits.ts';
import { worstVerdict, type HeldCredentials, type HeldProblem, type NestedCredentials, type NestedReport, type VerificationReport } from './check.ts';
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
  const limit = family === 'clr' ? MAX_CLR_CREDENTIALS : MAX_NESTED_CREDENTIALS;
  const reports: NestedReport[] = [];
  for (const item of found.slice(0, limit)) {
    const report = await verify(item.credential);
    const subject = isRecord(item.credential) ? item.credential['credentialSubject'] : undefined;
    // OB 3.0 EndorsementSubject.id: "the identifier of the individual, entity, organization,
    // assertion, or achievement that is endorsed"; embedded, that is the object it is listed on.
    const endorses = item.container ? { endorses: { id: item.container.id, matches: item.container.id !== undefined && idOf(subject) === item.container.id } } : {};
    reports.push({ role: item.role, pointer: item.pointer, ...endorses, report });
  }
  return { reports, notVerified: Math.max(0, found.length - limit) };
}

const stated = (credential: Record<string, unknown> | undefined, key: 'name' | 'id'): string | undefined => {
  const value = credential?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 120) : undefined;
};

/**
 * What the credentials a CLR holds make of it (CLR 2.0 §"ClrSubject": the record is the bundle of
 * them): the worst of their verdicts, each one that did not verify named by its place and name.
 * Endorsements are not held in this sense: a failed endorsement does not fail the badge.
 */
export function heldVerdict(nested: NestedCredentials): HeldCredentials {
  const held = nested.reports.filter((one) => one.role === 'clr-credential');
  const notVerified: HeldProblem[] = [];
  for (const one of held) {
    if (one.report.status === 'verified' || one.report.status === 'warning') continue;
    const name = stated(one.report.credential, 'name');
    const id = stated(one.report.credential, 'id');
    notVerified.push({ pointer: one.pointer, ...(name === undefined ? {} : { name }), ...(id === undefined ? {} : { id }), status: one.report.status });
  }
  const status = worstVerdict([...held.map((one) => one.report.status), ...(nested.notVerified > 0 ? ['unchecked' as const] : [])]);
  return { status, count: held.length + nested.notVerified, notVerified, beyondLimit: nested.notVerified };
}
