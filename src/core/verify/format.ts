/**
 * The format check: is the document a credential of the shape it claims, in plain JSON, before any
 * JSON-LD? OB 3.0 §1.1–1.3 for an Open Badge, VCDM 2.0 §4 for any other Verifiable Credential and
 * BSL §2.2 for a status list.
 *
 * Any W3C Verifiable Credential can be given to the verifier, not only Open Badges. One that is
 * well formed but not an Open Badge gets a format *warning*, not a failure: its signature, key,
 * status and dates are checked exactly as for a badge, so "authentic" is still a sound answer, but
 * the Open Badges rules (the OB types and fields, the OB JSON Schema) do not apply to it.
 *
 * Three 1EdTech credentials are told apart: an AchievementCredential, an EndorsementCredential
 * (OB 3.0 data model "EndorsementCredential": its subject is an EndorsementSubject with an id) and
 * a CLR 2.0 ClrCredential (CLR 2.0 data model: its ClrSubject holds the credentials it bundles). Each has its own
 * required fields here and its own JSON Schema (./schema.ts).
 */
import { CREDENTIALS_V2_CONTEXT } from '../document-loader.ts';
import { result, type CheckResult } from './check.ts';
import { asArray, hasType, idOf, isRecord, type Json } from './json-shape.ts';

/** OB 3.0 model, AchievementCredential.@context item 2 (OB 3.0 §"Serialization"). */
export const OB_CONTEXT_PATTERN = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/;
const CREDENTIALS_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];
/** BSL §2.2, and its predecessor StatusList2021 (W3C CCG report, 2023), read for other issuers. */
const STATUS_LIST_TYPES = ['BitstringStatusListCredential', 'StatusList2021Credential'];
const STATUS_LIST_SUBJECT_TYPES = ['BitstringStatusList', 'StatusList2021'];
const ENDORSEMENT_TYPE = 'EndorsementCredential';
const CLR_TYPE = 'ClrCredential';
/** CLR 2.0 §"Serialization": the CLR context, after the VC one (any 2.0.x). */
export const CLR_CONTEXT_PATTERN = /^https:\/\/purl\.imsglobal\.org\/spec\/clr\/v2p0\/context(-2\.\d\.\d)*\.json$/;

/** Which 1EdTech credential a document is; `other` is any other Verifiable Credential. */
export type CredentialFamily = 'achievement' | 'endorsement' | 'clr' | 'other';

export type DocumentKind = 'credential' | 'status-list';

/** What can be wrong with the shape of a document; ./messages.ts words each. */
export type FormatProblem =
  | 'context-not-list' | 'first-context' | 'second-context' | 'context-entry' | 'type-vc' | 'type-open-badge' | 'type-status-list'
  | 'no-id' | 'no-issuer' | 'subjects-not-objects' | 'no-issuance-date' | 'subject-not-object' | 'no-valid-from'
  | 'subject-unidentified' | 'subject-not-status-list' | 'no-encoded-list' | 'no-status-purpose'
  | 'clr-context' | 'endorsement-subject' | 'clr-subject';

export interface FormatResult {
  readonly check: CheckResult;
  readonly vcVersion: 1 | 2;
  /**
   * True for the 1EdTech credentials (Open Badges, endorsements, CLRs): their key-provenance rule
   * applies. False for a Verifiable Credential that is not one: the OB schema does not apply.
   */
  readonly openBadge: boolean;
  readonly family: CredentialFamily;
}

/**
 * A credential is held to the 1EdTech rules when it says it is one: an OB, endorsement or CLR type,
 * or the OB or CLR context. Anything else is read as a plain W3C Verifiable Credential.
 */
function familyOf(doc: Json): CredentialFamily {
  const types = asArray(doc['type']);
  const contexts = asArray(doc['@context']).filter((item): item is string => typeof item === 'string');
  if (types.includes(CLR_TYPE) || contexts.some((item) => CLR_CONTEXT_PATTERN.test(item))) return 'clr';
  if (types.includes(ENDORSEMENT_TYPE)) return 'endorsement';
  if (types.some((type) => OB_TYPES.includes(type as string)) || contexts.some((item) => OB_CONTEXT_PATTERN.test(item))) return 'achievement';
  return 'other';
}

/** The rules of one family's subject (OB 3.0 AchievementSubject, EndorsementSubject; CLR 2.0 ClrSubject). */
function subjectProblem(subject: Json, family: CredentialFamily): FormatProblem | undefined {
  if (family === 'endorsement') return typeof subject['id'] === 'string' && hasType(subject, 'EndorsementSubject') ? undefined : 'endorsement-subject';
  if (family === 'clr') {
    const inner = subject['verifiableCredential'];
    return Array.isArray(inner) && inner.length > 0 && inner.every(isRecord) ? undefined : 'clr-subject';
  }
  // OB 3.0 §1.3 / verification.md step 1: either id or at least one identifier.
  return typeof subject['id'] !== 'string' && asArray(subject['identifier']).length === 0 ? 'subject-unidentified' : undefined;
}

export function checkFormat(doc: Json, kind: DocumentKind): FormatResult {
  const problems: FormatProblem[] = [];
  const contexts = doc['@context'];
  const family: CredentialFamily = kind === 'credential' ? familyOf(doc) : 'other';
  const openBadge = family !== 'other';
  let vcVersion: 1 | 2 = 2;
  if (!Array.isArray(contexts)) {
    problems.push('context-not-list');
  } else {
    // VCDM 2.0 §4.3: the base context comes first; OB 3.0 verifiers still meet VCDM 1.1 badges,
    // and the StatusList2021 (or VCDM 1.1 Bitstring) lists their status points to.
    if (contexts[0] === CREDENTIALS_V1_CONTEXT) vcVersion = 1;
    else if (contexts[0] !== CREDENTIALS_V2_CONTEXT) problems.push('first-context');
    // OB 3.0 and CLR 2.0 §"Serialization": the family's own context comes second.
    const second = family === 'clr' ? CLR_CONTEXT_PATTERN : OB_CONTEXT_PATTERN;
    if (openBadge && (typeof contexts[1] !== 'string' || !second.test(contexts[1]))) problems.push(family === 'clr' ? 'clr-context' : 'second-context');
    if (contexts.some((item) => typeof item !== 'string' && !isRecord(item))) problems.push('context-entry');
  }
  const types = asArray(doc['type']);
  if (!types.includes('VerifiableCredential')) problems.push('type-vc');
  if (family === 'achievement' && !types.some((type) => OB_TYPES.includes(type as string))) problems.push('type-open-badge');
  if (kind === 'status-list' && !STATUS_LIST_TYPES.some((type) => types.includes(type))) problems.push('type-status-list');
  if (openBadge && (typeof doc['id'] !== 'string' || doc['id'] === '')) problems.push('no-id');
  if (idOf(doc['issuer']) === undefined) problems.push('no-issuer');
  const subject = doc['credentialSubject'];
  if (kind === 'credential' && !openBadge) {
    // VCDM 2.0 §4.8: one subject or several; VCDM 1.1 §4.6: issuanceDate is required.
    const subjects = asArray(subject);
    if (subjects.length === 0 || !subjects.every(isRecord)) problems.push('subjects-not-objects');
    if (vcVersion === 1 && typeof doc['issuanceDate'] !== 'string') problems.push('no-issuance-date');
  } else if (!isRecord(subject)) {
    problems.push('subject-not-object');
  } else if (kind === 'credential') {
    if (vcVersion === 2 && typeof doc['validFrom'] !== 'string') problems.push('no-valid-from');
    if (vcVersion === 1 && typeof doc['issuanceDate'] !== 'string') problems.push('no-issuance-date');
    const problem = subjectProblem(subject, family);
    if (problem) problems.push(problem);
  } else {
    if (!STATUS_LIST_SUBJECT_TYPES.some((type) => hasType(subject, type))) problems.push('subject-not-status-list');
    if (typeof subject['encodedList'] !== 'string') problems.push('no-encoded-list');
    if (!asArray(subject['statusPurpose']).every((purpose) => typeof purpose === 'string') || subject['statusPurpose'] === undefined) {
      problems.push('no-status-purpose');
    }
  }
  const documentKind = kind === 'status-list' ? 'status-list' : family === 'achievement' ? 'open-badge' : family === 'other' ? 'credential' : family;
  const details = { vcVersion, openBadge, family, type: types };
  if (problems.length > 0) {
    const [problem] = problems;
    const problemParams = problem === 'first-context' ? { expected: CREDENTIALS_V2_CONTEXT } : {};
    return { check: result('format', 'failed', 'format.malformed', { kind: documentKind, problem, problemParams }, { ...details, problems }), vcVersion, openBadge, family };
  }
  if (documentKind === 'credential') {
    const named = types.filter((type): type is string => typeof type === 'string' && type !== 'VerifiableCredential');
    return { check: result('format', 'warning', 'format.not-open-badge', { types: named }, details), vcVersion, openBadge, family };
  }
  const code = documentKind === 'status-list' ? 'format.status-list' : documentKind === 'endorsement' ? 'format.endorsement' : documentKind === 'clr' ? 'format.clr' : 'format.open-badge';
  return { check: result('format', 'passed', code, {}, details), vcVersion, openBadge, family };
}
