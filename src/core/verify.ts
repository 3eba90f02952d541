/**
 * Verifies an Open Badges 3.0 credential (OB 3.0 §"Verification") as a checklist
 * of named steps known before they run, and returns a report; it never throws on what it is given.
 * Pure and browser-safe: the clock, the fetcher, the document loader and the schema validator are
 * passed in, so the CLI, the build and the verify page run exactly the same checks. The status
 * check lives in status-check.ts.
 *
 * Any W3C Verifiable Credential can be dropped on the verify page, not only Open Badges. One that
 * is well formed but not an Open Badge gets a format *warning*, not a failure: its signature, key,
 * status and dates are checked exactly as for a badge, so "authentic" is still a sound answer, but
 * the Open Badges rules (the OB types and fields, the OB JSON Schema) do not apply to it, and the
 * page says so instead of calling a genuine credential a forgery.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { createDocumentLoader, CREDENTIALS_V2_CONTEXT, namedContexts, type DocumentLoader } from './document-loader.ts';
import { resolveVerificationMethod, type FetchJson, type ResolvedKey } from './did.ts';
import { identityHash, matchesIdentityHash, normalizeEmail } from './identity-hash.ts';
import { ED25519_SIGNATURE_2020, verifyEd25519Signature2020 } from './ed25519-signature-2020.ts';
import { decodeBase58btc } from './multibase.ts';
import { SUPPORTED_CRYPTOSUITES, verifyProof, type DataIntegrityProof, type ProofFailure } from './proof.ts';
import { checkStatus, type ListAuthentication } from './status-check.ts';

export type { FetchJson } from './did.ts';

/** The checks, in the order they run and are shown. */
export const CHECK_IDS = ['format', 'contexts', 'schema', 'issuer-key', 'proof', 'status', 'validity', 'recipient'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** `unknown` is "could not check"; `skipped` is "not checked, because of an earlier result or no input". */
export type CheckState = 'passed' | 'failed' | 'warning' | 'unknown' | 'skipped';

export interface Check {
  id: CheckId;
  title: string;
  state: CheckState;
  /** One plain sentence a non-expert understands. */
  summary: string;
  /** Machine data so an expert can redo the step by hand. */
  details?: Record<string, unknown>;
}

export type OverallStatus = 'verified' | 'warning' | 'failed';

export interface VerificationReport {
  status: OverallStatus;
  checks: Check[];
  /** The credential that was checked, when it could be read as a JSON object. */
  credential?: Record<string, unknown>;
}

export interface VerifyDeps {
  now: Date;
  fetchJson: FetchJson;
  /** Defaults to the fail-closed loader over the pinned contexts. */
  documentLoader?: DocumentLoader | undefined;
  /** The OB 3.0 JSON Schema as a function (the browser passes a precompiled one); returns error messages. */
  validateSchema?: ((credential: Record<string, unknown>) => string[]) | undefined;
  /** An email address to compare with the credential's hashed recipient identifiers. */
  recipientEmail?: string | undefined;
}

const TITLES: Record<CheckId, string> = {
  format: 'Open Badges 3.0 format',
  contexts: 'Known vocabularies',
  schema: 'Open Badges data rules',
  'issuer-key': "Issuer's key",
  proof: 'Signature',
  status: 'Revocation and suspension',
  validity: 'Validity dates',
  recipient: 'Recipient',
};

export function plannedChecks(): Array<{ id: CheckId; title: string }> {
  return CHECK_IDS.map((id) => ({ id, title: TITLES[id] }));
}

/** Input caps, so a hostile file cannot exhaust memory or the stack. */
export const MAX_INPUT_BYTES = 1024 * 1024;
export const MAX_DEPTH = 64;
const TOO_LARGE = `it is larger than 1 MB (${MAX_INPUT_BYTES} bytes), the most this verifier reads`;
const MAX_NODES = 100_000;

/** OB 3.0 model, AchievementCredential.@context item 2 (OB 3.0 §"Serialization"). */
const OB_CONTEXT_PATTERN = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/;
const CREDENTIALS_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const hasType = (value: unknown, type: string): boolean => asArray(isRecord(value) ? value['type'] : undefined).includes(type);
const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : isRecord(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function check(id: CheckId, state: CheckState, summary: string, details?: Json): Check {
  return details === undefined ? { id, title: TITLES[id], state, summary } : { id, title: TITLES[id], state, summary, details };
}

/** Overall: any failure fails; otherwise a warning or a "could not check" makes it a warning. */
export function overallStatus(checks: readonly Check[]): OverallStatus {
  if (checks.some((c) => c.state === 'failed')) return 'failed';
  if (checks.some((c) => c.state === 'warning' || c.state === 'unknown')) return 'warning';
  return 'verified';
}

// ---------------------------------------------------------------------------------------------
// Reading untrusted input

type Guarded = { ok: true; document: Json } | { ok: false; reason: string };

/** Walks the value without recursion: JSON types only, depth and size capped. */
function guard(value: unknown): Guarded {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if ((nodes += 1) > MAX_NODES) return { ok: false, reason: `it has more than ${MAX_NODES} values` };
    if (depth > MAX_DEPTH) return { ok: false, reason: `it is nested more than ${MAX_DEPTH} levels deep` };
    if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return { ok: false, reason: 'it holds a number JSON cannot represent' };
      continue;
    }
    if (Array.isArray(item)) {
      for (const child of item) stack.push([child, depth + 1]);
      continue;
    }
    const prototype: unknown = typeof item === 'object' ? Object.getPrototypeOf(item) : undefined;
    if (typeof item === 'object' && (prototype === Object.prototype || prototype === null)) {
      for (const child of Object.values(item)) stack.push([child, depth + 1]);
      continue;
    }
    return { ok: false, reason: 'it holds a value that is not JSON' };
  }
  if (!isRecord(value)) return { ok: false, reason: 'it is not a JSON object' };
  let size: number;
  try {
    size = new TextEncoder().encode(JSON.stringify(value)).length;
  } catch (error) {
    return { ok: false, reason: message(error) };
  }
  if (size > MAX_INPUT_BYTES) return { ok: false, reason: TOO_LARGE };
  return { ok: true, document: value };
}

// ---------------------------------------------------------------------------------------------
// format

type DocumentKind = 'credential' | 'status-list';

/**
 * A credential is held to the Open Badges rules when it says it is one: an OB type or the OB
 * context. Anything else is read as a plain W3C Verifiable Credential.
 */
function claimsOpenBadge(doc: Json): boolean {
  const types = asArray(doc['type']);
  const contexts = asArray(doc['@context']);
  return types.some((type) => OB_TYPES.includes(type as string)) || contexts.some((item) => typeof item === 'string' && OB_CONTEXT_PATTERN.test(item));
}

interface FormatResult {
  check: Check;
  vcVersion: 1 | 2;
  /** False for a Verifiable Credential that is not an Open Badge: the OB schema does not apply. */
  openBadge: boolean;
}

/**
 * OB 3.0 §1.1–1.3 shape rules (an Open Badge), VCDM 2.0 §4 (any other Verifiable Credential) or
 * BSL §2.2 (a status list): plain JSON, no JSON-LD.
 */
function checkFormat(doc: Json, kind: DocumentKind): FormatResult {
  const problems: string[] = [];
  const contexts = doc['@context'];
  const openBadge = kind === 'credential' && claimsOpenBadge(doc);
  let vcVersion: 1 | 2 = 2;
  if (!Array.isArray(contexts)) {
    problems.push('@context must be a list that starts with the Verifiable Credentials context');
  } else {
    // VCDM 2.0 §4.3: the base context comes first; OB 3.0 verifiers still meet VCDM 1.1 badges.
    if (contexts[0] === CREDENTIALS_V1_CONTEXT && kind === 'credential') vcVersion = 1;
    else if (contexts[0] !== CREDENTIALS_V2_CONTEXT) problems.push(`the first @context must be ${CREDENTIALS_V2_CONTEXT}`);
    if (openBadge && (typeof contexts[1] !== 'string' || !OB_CONTEXT_PATTERN.test(contexts[1]))) {
      problems.push('the second @context must be the Open Badges 3.0 context');
    }
    if (contexts.some((item) => typeof item !== 'string' && !isRecord(item))) problems.push('every @context entry must be a URL or an object');
  }
  const types = asArray(doc['type']);
  if (!types.includes('VerifiableCredential')) problems.push('type must include VerifiableCredential');
  if (openBadge && !types.some((type) => OB_TYPES.includes(type as string))) problems.push('type must include OpenBadgeCredential');
  if (kind === 'status-list' && !types.includes('BitstringStatusListCredential')) problems.push('type must include BitstringStatusListCredential');
  if (openBadge && (typeof doc['id'] !== 'string' || doc['id'] === '')) problems.push('the credential has no id');
  if (idOf(doc['issuer']) === undefined) problems.push('the issuer must be a URL or an object with an id');
  const subject = doc['credentialSubject'];
  if (kind === 'credential' && !openBadge) {
    // VCDM 2.0 §4.8: one subject or several; VCDM 1.1 §4.6: issuanceDate is required.
    const subjects = asArray(subject);
    if (subjects.length === 0 || !subjects.every(isRecord)) problems.push('credentialSubject must be an object or a list of objects');
    if (vcVersion === 1 && typeof doc['issuanceDate'] !== 'string') problems.push('issuanceDate is missing');
  } else if (!isRecord(subject)) {
    problems.push('credentialSubject must be an object');
  } else if (kind === 'credential') {
    if (vcVersion === 2 && typeof doc['validFrom'] !== 'string') problems.push('validFrom is missing');
    if (vcVersion === 1 && typeof doc['issuanceDate'] !== 'string') problems.push('issuanceDate is missing');
    // OB 3.0 §1.3 / verification.md step 1: either id or at least one identifier.
    if (typeof subject['id'] !== 'string' && asArray(subject['identifier']).length === 0) problems.push('credentialSubject needs an id or an identifier');
  } else {
    if (!hasType(subject, 'BitstringStatusList')) problems.push('credentialSubject.type must be BitstringStatusList');
    if (typeof subject['encodedList'] !== 'string') problems.push('credentialSubject.encodedList is missing');
    if (!asArray(subject['statusPurpose']).every((purpose) => typeof purpose === 'string') || subject['statusPurpose'] === undefined) {
      problems.push('credentialSubject.statusPurpose is missing');
    }
  }
  const what = kind === 'status-list' ? 'Bitstring Status List credential' : openBadge ? 'Open Badges 3.0 credential' : 'Verifiable Credential';
  const details = { vcVersion, openBadge, type: types };
  if (problems.length > 0) {
    return { check: check('format', 'failed', `This is not a well-formed ${what}: ${problems[0]}.`, { ...details, problems }), vcVersion, openBadge };
  }
  if (kind === 'credential' && !openBadge) {
    const named = types.filter((type): type is string => typeof type === 'string' && type !== 'VerifiableCredential');
    const kindName = named.length > 0 ? ` (its type is ${named.join(', ')})` : '';
    const summary = `This is a well-formed W3C Verifiable Credential, but not an Open Badge${kindName}: its signature, issuer, status and dates are checked, the Open Badges rules are not.`;
    return { check: check('format', 'warning', summary, details), vcVersion, openBadge };
  }
  return { check: check('format', 'passed', `This is a well-formed ${what} with all the required parts.`, details), vcVersion, openBadge };
}

// ---------------------------------------------------------------------------------------------
// contexts

/**
 * VC Data Integrity §4.6: a verifier MUST validate the contexts. Each named context is looked up in
 * the (fail-closed) loader; a context that is not pinned is never fetched.
 */
async function checkContexts(doc: Json, loader: DocumentLoader): Promise<Check> {
  const items = asArray(doc['@context']);
  const named = namedContexts(doc);
  const unknown: string[] = [];
  for (const url of named) {
    try {
      await loader(url);
    } catch {
      unknown.push(url);
    }
  }
  const embedded = items.filter(isRecord).length;
  const invalid = items.length - named.length - embedded;
  const details = { named, unknown, embeddedContexts: embedded };
  if (items.length === 0) return check('contexts', 'failed', 'The credential does not say which vocabularies it uses (no @context).', details);
  if (invalid > 0) return check('contexts', 'failed', 'The credential lists a vocabulary in a form that is neither a URL nor an object.', details);
  if (unknown.length > 0) {
    return check('contexts', 'failed', `The credential uses a vocabulary this verifier does not know (${unknown[0]}), and it never downloads vocabularies, so its meaning cannot be checked.`, details);
  }
  return check('contexts', 'passed', 'Every vocabulary the credential uses is one this verifier knows and keeps its own copy of.', details);
}

// ---------------------------------------------------------------------------------------------
// schema

/**
 * OB 3.0 serialization.md allows the JSON-LD compacted form in which `type`, `proof`,
 * `credentialSchema` and `termsOfUse` are single values, though the schema wants arrays: validate
 * the equivalent array form so an allowed spelling is not reported as a broken rule.
 */
function expandCompacted(doc: Json): Json {
  const copy: Json = { ...doc };
  for (const key of ['type', 'proof', 'credentialSchema', 'termsOfUse']) {
    if (copy[key] !== undefined && !Array.isArray(copy[key])) copy[key] = [copy[key]];
  }
  return copy;
}

function checkSchema(doc: Json, format: FormatResult, validate: VerifyDeps['validateSchema']): Check {
  const { vcVersion, openBadge } = format;
  if (!openBadge) return check('schema', 'skipped', 'The Open Badges data rules apply only to Open Badges, so this credential was not checked against them.');
  if (!validate) return check('schema', 'skipped', 'Could not check the Open Badges data rules: this verifier has no copy of the schema loaded.');
  if (vcVersion === 1) return check('schema', 'skipped', 'The Open Badges schema is written for version 2.0 credentials, so this older credential was not checked against it.');
  let errors: string[];
  try {
    errors = validate(expandCompacted(doc));
  } catch (error) {
    return check('schema', 'unknown', 'Could not check the Open Badges data rules because the schema checker stopped with an error.', { error: message(error) });
  }
  if (errors.length === 0) return check('schema', 'passed', 'The credential follows the Open Badges 3.0 data rules (JSON Schema).');
  return check('schema', 'failed', `The credential breaks the Open Badges 3.0 data rules: ${errors[0]}.`, { errors });
}

// ---------------------------------------------------------------------------------------------
// issuer-key and proof

type ProofSelection = { ok: true; proof: DataIntegrityProof; ignored: number } | { ok: false; reason: string };


/** Preference among usable proofs: the suite OB certification requires first, the legacy one last. */
function proofRank(proof: Json): number {
  if (proof['type'] === 'DataIntegrityProof') return SUPPORTED_CRYPTOSUITES.indexOf(proof['cryptosuite'] as never);
  return proof['type'] === ED25519_SIGNATURE_2020 ? SUPPORTED_CRYPTOSUITES.length : -1;
}

/**
 * VC-DI §4.4 (Verify Proof) preconditions: a DataIntegrityProof with a supported cryptosuite (or
 * the older Ed25519Signature2020) and proofPurpose assertionMethod (OB 3.0 Proof). `proof` may be
 * one object or a set; any one proof suffices (OB 3.0 integrity.md), and eddsa-rdfc-2022, the
 * suite OB certification requires, goes first.
 */
function selectProof(doc: Json): ProofSelection {
  const proofs = asArray(doc['proof']).filter(isRecord);
  if (proofs.length === 0) return { ok: false, reason: 'The credential is not signed: it has no proof.' };
  const usable = proofs.filter((proof) => proof['proofPurpose'] === 'assertionMethod' && proofRank(proof) >= 0);
  usable.sort((a, b) => proofRank(a) - proofRank(b));
  const [chosen] = usable;
  if (!chosen) {
    const first = proofs[0]!;
    if (proofRank(first) >= 0 && first['proofPurpose'] !== 'assertionMethod') {
      return { ok: false, reason: `The signature is for "${String(first['proofPurpose'])}", not for issuing credentials (assertionMethod).` };
    }
    const kind = [first['type'], first['cryptosuite']].filter((part) => part !== undefined).map(String).join(' ');
    return { ok: false, reason: `The signature is of a kind this verifier does not support (${kind}); it checks eddsa-rdfc-2022, eddsa-jcs-2022 and Ed25519Signature2020.` };
  }
  return { ok: true, proof: chosen as DataIntegrityProof, ignored: proofs.length - 1 };
}

function dateOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  // XML Schema dateTime; a value without a time zone is read as UTC, never as local time.
  if (!/^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) return undefined;
  const time = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? undefined : time;
}

function keyDetails(key: ResolvedKey, issuer: string | undefined): Json {
  return {
    verificationMethod: key.verificationMethodId,
    source: key.source,
    ...(key.documentUrl === undefined ? {} : { documentUrl: key.documentUrl }),
    controller: key.controller,
    issuer,
    publicKeyMultibase: key.publicKeyMultibase,
    publicKeyHex: bytesToHex(key.publicKey),
    confirmedByController: key.confirmed,
    ...(key.revoked === undefined ? {} : { revoked: key.revoked }),
    ...(key.expires === undefined ? {} : { expires: key.expires }),
  };
}

/**
 * CID §3.3 Retrieve Verification Method, then OB 3.0 key provenance (recommended-practices.md):
 * "check that the value of the controller is the id of the issuer". That rule is Open Badges'
 * (`strictController`); for any other Verifiable Credential, VC Data Integrity only asks that the key
 * be the controller's, so a key of someone other than the named issuer is a warning that says
 * plainly the issuer is not confirmed, not a failure of a signature that is valid.
 */
async function checkIssuerKey(doc: Json, selection: ProofSelection, deps: VerifyDeps, strictController: boolean): Promise<{ check: Check; key?: ResolvedKey }> {
  if (!selection.ok) return { check: check('issuer-key', 'skipped', 'There is no usable signature, so there is no key to look up.') };
  const vmId = selection.proof.verificationMethod;
  const resolved = await resolveVerificationMethod(vmId, deps.fetchJson);
  if (!resolved.ok) {
    const reason = resolved.reason.replace(/\.$/, '');
    return { check: check('issuer-key', 'failed', `The key that should check the signature could not be found, so the signature cannot be trusted: ${reason}.`, { verificationMethod: vmId, reason: resolved.reason }) };
  }
  const key = resolved.value;
  const issuer = idOf(doc['issuer']);
  const details = keyDetails(key, issuer);
  if (key.controller !== issuer) {
    if (strictController) {
      return { key, check: check('issuer-key', 'failed', `The key that signed this credential belongs to ${key.controller}, not to the issuer ${issuer ?? '(none)'}.`, details) };
    }
    return { key, check: check('issuer-key', 'warning', `The signature was made with a key of ${key.controller}. The credential names ${issuer ?? 'no one'} as its issuer, which that key does not confirm: trust the issuer's name only if you trust ${key.controller}.`, details) };
  }
  const now = deps.now.getTime();
  const revoked = dateOf(key.revoked);
  if (key.revoked !== undefined && (revoked === undefined || revoked <= now)) {
    return { key, check: check('issuer-key', 'failed', 'The issuer has withdrawn the key that signed this credential.', details) };
  }
  if (!key.confirmed) {
    return { key, check: check('issuer-key', 'warning', "The signing key is written into the credential's own key name and the issuer's site did not confirm it, so anyone could have made it.", details) };
  }
  const expires = dateOf(key.expires);
  if (key.expires !== undefined && (expires === undefined || expires <= now)) {
    return { key, check: check('issuer-key', 'warning', `The issuer's key expired on ${key.expires}; the signature was made with a key that is no longer current.`, details) };
  }
  const where =
    key.source === 'did:key' ? "is the issuer's own did:key identifier" : `is published by the issuer at ${key.documentUrl ?? key.controller}`;
  return { key, check: check('issuer-key', 'passed', `The key that signed this credential ${where}.`, details) };
}

function describeProofFailure(failure: ProofFailure): string {
  if (failure.kind === 'bad-signature') return 'The signature does not match: the credential was changed after it was signed, or it was signed with another key.';
  if (failure.kind === 'malformed-proof') return `The signature is malformed: ${failure.message.charAt(0).toLowerCase()}${failure.message.slice(1)}`;
  const inner = failure.failure;
  if (inner.kind === 'unknown-context') return `The credential uses a vocabulary this verifier does not know (${inner.url}), so the signature cannot be checked.`;
  if (inner.kind === 'undefined-term') {
    const term = /: "([^"]{1,80})"\)/.exec(inner.message)?.[1];
    return `The credential contains a field${term ? ` or type ("${term}")` : ''} its vocabularies do not define, so the signature cannot cover it.`;
  }
  return 'The credential is not valid linked data, so the signature cannot be checked.';
}

/** vc-di-eddsa §3.2.2 / §3.3.2 Verify Proof with the key the previous check found. */
async function checkProof(doc: Json, selection: ProofSelection, key: ResolvedKey | undefined, contextsOk: boolean, deps: VerifyDeps, loader: DocumentLoader): Promise<Check> {
  if (!selection.ok) return check('proof', 'failed', selection.reason);
  const proof = selection.proof;
  const base: Json = { type: proof.type, cryptosuite: proof.cryptosuite, verificationMethod: proof.verificationMethod, proofValue: proof.proofValue, otherProofsIgnored: selection.ignored };
  if (!contextsOk) return check('proof', 'skipped', 'The signature was not checked because the credential uses vocabularies this verifier does not know.', base);
  if (!key) return check('proof', 'skipped', "The signature was not checked because the issuer's key could not be found.", base);
  // VC-DI §2.1 `expires`: a proof past its expiry no longer verifies.
  const expires = dateOf(proof['expires']);
  if (proof['expires'] !== undefined && (expires === undefined || expires <= deps.now.getTime())) {
    return check('proof', 'failed', 'The signature has expired.', { ...base, expires: proof['expires'] });
  }
  const result = (proof.type as string) === ED25519_SIGNATURE_2020 ? await verifyEd25519Signature2020(doc, proof, key.publicKey, loader) : await verifyProof(doc, proof, key.publicKey, loader);
  const signature = typeof proof.proofValue === 'string' ? decodeBase58btc(proof.proofValue) : undefined;
  const work = result.work;
  const details: Json = {
    ...base,
    ...(signature ? { signatureHex: bytesToHex(signature) } : {}),
    publicKeyHex: bytesToHex(key.publicKey),
    ...(work
      ? {
          canonicalDocument: work.canonicalDocument,
          canonicalProofConfig: work.canonicalProofConfig,
          documentHashHex: work.documentHashHex,
          proofConfigHashHex: work.proofConfigHashHex,
          hashDataHex: bytesToHex(work.hashData),
        }
      : {}),
  };
  if (result.verified) return check('proof', 'passed', 'The signature is valid: nothing in the credential has changed since the issuer signed it.', details);
  return check('proof', 'failed', describeProofFailure(result.failure), { ...details, failure: result.failure });
}

// ---------------------------------------------------------------------------------------------
// Authenticity of a document: format, contexts, issuer-key, proof (shared with status lists)

interface Authenticity {
  format: Check;
  formatResult: FormatResult;
  contexts: Check;
  issuerKey: Check;
  proof: Check;
  vcVersion: 1 | 2;
  /** The key that was found, when one was. */
  key: ResolvedKey | undefined;
}

async function checkAuthenticity(doc: Json, kind: DocumentKind, deps: VerifyDeps, loader: DocumentLoader): Promise<Authenticity> {
  const formatResult = checkFormat(doc, kind);
  const contexts = await checkContexts(doc, loader);
  const selection = selectProof(doc);
  // The OB key-provenance rule applies to badges and status lists; a plain VC gets a warning.
  const { check: issuerKey, key } = await checkIssuerKey(doc, selection, deps, formatResult.openBadge || kind === 'status-list');
  const proof = await checkProof(doc, selection, key, contexts.state === 'passed', deps, loader);
  return { format: formatResult.check, formatResult, contexts, issuerKey, proof, vcVersion: formatResult.vcVersion, key };
}

// ---------------------------------------------------------------------------------------------
// status (status-check.ts), with status lists verified here like any credential

/**
 * BSL §4.3 step 4: a status list credential is verified with the same machinery (format, contexts,
 * issuer key, signature; its own status is not followed) and must be inside its validity period.
 */
async function authenticateStatusList(json: unknown, url: string, deps: VerifyDeps, loader: DocumentLoader): Promise<ListAuthentication> {
  const guarded = guard(json);
  if (!guarded.ok) return { ok: false, reason: `the status list ${url} could not be read: ${guarded.reason}` };
  const list = guarded.document;
  const authenticity = await checkAuthenticity(list, 'status-list', deps, loader);
  const checks = [authenticity.format, authenticity.contexts, authenticity.issuerKey, authenticity.proof];
  const bad = checks.find((c) => c.state !== 'passed' && c.state !== 'warning');
  if (bad) return { ok: false, reason: `the status list ${url} could not be verified (${bad.title}: ${bad.summary})`, checks }; // STATUS_VERIFICATION_ERROR
  const now = deps.now.getTime();
  const from = dateOf(list['validFrom']);
  const until = dateOf(list['validUntil']);
  if ((list['validFrom'] !== undefined && (from === undefined || from > now)) || (list['validUntil'] !== undefined && (until === undefined || until <= now))) {
    return { ok: false, reason: `the status list ${url} is outside its validity period`, checks };
  }
  return { ok: true, document: list, checks };
}

// ---------------------------------------------------------------------------------------------
// validity and recipient

/** VCDM 2.0 §4.9 validity period (OB 3.0 verification step 4); VCDM 1.1 issuanceDate/expirationDate. */
function checkValidity(doc: Json, vcVersion: 1 | 2, now: Date): Check {
  const fromField = vcVersion === 1 ? 'issuanceDate' : 'validFrom';
  const untilField = vcVersion === 1 ? 'expirationDate' : 'validUntil';
  const fromText = doc[fromField];
  const untilText = doc[untilField];
  const from = dateOf(fromText);
  const until = dateOf(untilText);
  if (Number.isNaN(now.getTime())) return check('validity', 'unknown', 'Could not check the validity dates because the current time is unknown.');
  const details = { [fromField]: fromText, [untilField]: untilText, now: now.toISOString() };
  if (fromText !== undefined && from === undefined) return check('validity', 'failed', `The credential's start date (${fromField}) is not a valid date.`, details);
  if (untilText !== undefined && until === undefined) return check('validity', 'failed', `The credential's end date (${untilField}) is not a valid date.`, details);
  if (from !== undefined && until !== undefined && from > until) return check('validity', 'failed', 'The credential ends before it starts.', details);
  if (from !== undefined && now.getTime() < from) return check('validity', 'failed', `This credential is not valid yet: it starts on ${String(fromText)}.`, details);
  if (until !== undefined && now.getTime() >= until) return check('validity', 'warning', `This credential expired on ${String(untilText)}.`, details);
  if (until !== undefined) return check('validity', 'passed', `This credential is valid until ${String(untilText)}.`, details);
  return check('validity', 'passed', from === undefined ? 'This credential has no validity dates.' : `This credential is valid from ${String(fromText)} and does not expire.`, details);
}

/**
 * OB 3.0 verification.md "Verify the Recipient Using an Identifier", for email addresses (§1.6).
 * Exported so the verify page can compare a typed address later without verifying again.
 */
export function checkRecipient(doc: Json, email: string | undefined): Check {
  if (email === undefined) return check('recipient', 'skipped', 'No email address was given, so the recipient was not checked.');
  const identifiers = asArray(doc['credentialSubject'])
    .filter(isRecord)
    .flatMap((subject) => asArray(subject['identifier']))
    .filter((identifier): identifier is Json => isRecord(identifier) && identifier['identityType'] === 'emailAddress');
  if (identifiers.length === 0) return check('recipient', 'unknown', 'The credential does not name its recipient by email address, so the address could not be compared.');
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
  if (compared.some((item) => item.matches)) return check('recipient', 'passed', 'The email address you entered matches the recipient of this credential.', details);
  return check('recipient', 'failed', 'The email address you entered does not match the recipient of this credential.', details);
}

// ---------------------------------------------------------------------------------------------
// The checklist

const defaultLoader = createDocumentLoader();

/** One verification fetches each URL once (the issuer's did.json serves the credential and its status list). */
function fetchOnce(fetchJson: FetchJson): FetchJson {
  const seen = new Map<string, ReturnType<FetchJson>>();
  return (url) => {
    let pending = seen.get(url);
    if (!pending) {
      pending = (async () => {
        try {
          return await fetchJson(url);
        } catch (error) {
          return { ok: false as const, reason: message(error) };
        }
      })();
      seen.set(url, pending);
    }
    return pending;
  };
}

function skipAll(after: Check[], reason: string): Check[] {
  const done = new Set(after.map((c) => c.id));
  return [...after, ...CHECK_IDS.filter((id) => !done.has(id)).map((id) => check(id, 'skipped', reason))];
}

function report(checks: Check[], credential?: Json): VerificationReport {
  return credential === undefined ? { status: overallStatus(checks), checks } : { status: overallStatus(checks), checks, credential };
}

/** Runs every check on an already parsed credential. Never throws. */
export async function verifyCredential(input: unknown, deps: VerifyDeps): Promise<VerificationReport> {
  const guarded = guard(input);
  if (!guarded.ok) return unreadableReport(guarded.reason);
  const doc = guarded.document;
  const loader = deps.documentLoader ?? defaultLoader;
  deps = { ...deps, fetchJson: fetchOnce(deps.fetchJson) };
  const checks: Check[] = [];
  try {
    const authenticity = await checkAuthenticity(doc, 'credential', deps, loader);
    checks.push(authenticity.format, authenticity.contexts, checkSchema(doc, authenticity.formatResult, deps.validateSchema), authenticity.issuerKey, authenticity.proof);
    // The status list address is only trusted (and only fetched) once the credential is known to be the issuer's.
    const authentic = authenticity.proof.state === 'passed' && authenticity.issuerKey.state !== 'failed';
    if (authentic) {
      const authenticate = (json: unknown, url: string) => authenticateStatusList(json, url, deps, loader);
      const status = await checkStatus(doc, { fetchJson: deps.fetchJson, authenticate, issuerKey: authenticity.key });
      checks.push(check('status', status.state, status.summary, status.details));
    } else {
      checks.push(check('status', 'skipped', 'Not checked, because the credential is not proven to come from its issuer.'));
    }
    checks.push(checkValidity(doc, authenticity.vcVersion, deps.now), checkRecipient(doc, deps.recipientEmail));
  } catch (error) {
    // A bug, not a verdict on the credential: say so, and fail closed.
    const next = CHECK_IDS.find((id) => !checks.some((c) => c.id === id)) ?? 'format';
    checks.push(check(next, 'failed', 'The verifier stopped with an internal error, so this credential could not be verified.', { error: message(error) }));
    return report(skipAll(checks, 'Not checked, because the verifier stopped with an internal error.'), doc);
  }
  return report(checks, doc);
}

/**
 * How deeply arrays and objects nest in JSON text, counted without parsing (strings skipped), and
 * abandoned past `limit`: checked before JSON.parse so hostile text cannot exhaust the stack.
 */
export function jsonNestingDepth(text: string, limit: number = MAX_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return deepest;
}

/** The report for input that is not a credential at all: format fails, nothing else runs. */
export function unreadableReport(reason: string): VerificationReport {
  return report(skipAll([check('format', 'failed', `This file cannot be read as a credential: ${reason}.`, { reason })], 'Not checked, because the credential could not be read.'));
}

/** Parses JSON text (at most 1 MB, nested at most 64 levels) and verifies it. */
export async function verifyCredentialJson(text: string, deps: VerifyDeps): Promise<VerificationReport> {
  const unreadable = unreadableReport;
  if (typeof text !== 'string') return unreadable('it is not text');
  if (text.length > MAX_INPUT_BYTES || new TextEncoder().encode(text).length > MAX_INPUT_BYTES) return unreadable(TOO_LARGE);
  if (jsonNestingDepth(text) > MAX_DEPTH) return unreadable(`it is nested more than ${MAX_DEPTH} levels deep`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return unreadable(`it is not valid JSON (${message(error)})`);
  }
  return verifyCredential(parsed, deps);
}
