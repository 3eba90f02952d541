/**
 * The status check: has the issuer revoked or suspended the credential? Bitstring Status List
 * v1.0 §4.3 (Validate Algorithm) for BitstringStatusListEntry, the same algorithm for its
 * predecessor StatusList2021Entry (W3C CCG "Status List 2021" §"Validate Algorithm"), the OB 3.0
 * 1EdTechRevocationList for older issuers, and the suspension list a Laurel issuer announces in
 * its DID document.
 *
 * A list that cannot be fetched, read, verified or trusted never counts as "not revoked": the
 * check then ends `unknown` ("could not check"), and a set bit never passes. Verifying a list as a
 * credential (format, contexts, key, signature, validity period) is the job of ./verify.ts, which
 * passes it in as `authenticate`, so the two modules do not import each other.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { splitDidUrl, type FetchJson } from '../did.ts';
import type { ResolvedKey } from '../verification-method.ts';
import { decodeStatusList, MIN_STATUS_LIST_ENTRIES, readStatus, type StatusListFormat } from '../status-list.ts';
import { result, type CheckParams, type CheckResult } from './check.ts';
import { asArray, errorMessage, hasType, idOf, isRecord, type Json } from './json-shape.ts';

/** Why an entry could not be checked; ./messages.ts words each. */
export type StatusProblem =
  | 'entry-not-object' | 'no-purpose' | 'no-list-url' | 'bad-index' | 'bad-size' | 'unsupported-method'
  | 'list-unreachable' | 'list-unreadable' | 'list-unverified' | 'list-out-of-date' | 'list-without-subject'
  | 'list-not-expandable' | 'list-other-issuer' | 'list-other-method' | 'wrong-purpose' | 'list-too-short' | 'index-out-of-range'
  | 'unknown-purpose' | 'revocation-list-url' | 'revocation-list-unreachable' | 'revocation-list-malformed' | 'announcement-broken';

/**
 * What an entry got wrong that the check read past, leniently: reported in the check's params and
 * details, and the check ends `warning` instead of `passed` (a set bit still fails).
 */
export type StatusWarning = 'index-not-string';

export interface Problem {
  readonly problem: StatusProblem;
  readonly params: CheckParams;
}

export type ListAuthentication = { ok: true; document: Json; checks: CheckResult[] } | ({ ok: false; checks?: CheckResult[] } & Problem);

/** Verifies a fetched status list credential as a credential; `url` is where it was fetched from. */
export type AuthenticateList = (json: unknown, url: string) => Promise<ListAuthentication>;

export interface StatusCheckDeps {
  readonly fetchJson: FetchJson;
  readonly authenticate: AuthenticateList;
  /**
   * The key that verified the credential. When it came from a did:web document, that document may
   * announce the issuer's suspension list as a service (see `announcedSuspensionList`).
   */
  readonly issuerKey?: ResolvedKey | undefined;
}

/**
 * The service a Laurel issuer puts in its DID document: the OB 3.0 JSON Schema allows only one
 * `credentialStatus`, which carries the revocation entry, so the suspension list is announced here
 * and read at the same index as the revocation entry.
 */
export const SUSPENSION_SERVICE_FRAGMENT = 'suspension-list';
export const STATUS_LIST_SERVICE_TYPE = 'BitstringStatusListCredential';

/** What one status entry says; "could not check" always carries why. */
type EntryResult =
  | { readonly outcome: 'clear' | 'revoked' | 'suspended'; readonly details: Json; readonly warnings?: readonly StatusWarning[] }
  | { readonly outcome: 'unknown'; readonly problem: Problem; readonly details: Json; readonly warnings?: readonly StatusWarning[] };

/** The two status list methods that share the bitstring algorithm, and the list each one names. */
type BitstringMethod = 'BitstringStatusListEntry' | 'StatusList2021Entry';
const LIST_OF_METHOD: Record<BitstringMethod, { readonly subjectType: string; readonly format: StatusListFormat }> = {
  BitstringStatusListEntry: { subjectType: 'BitstringStatusList', format: 'bitstring' },
  StatusList2021Entry: { subjectType: 'StatusList2021', format: 'status-list-2021' },
};
const isBitstringMethod = (type: unknown): type is BitstringMethod => type === 'BitstringStatusListEntry' || type === 'StatusList2021Entry';

interface StatusList {
  readonly method: BitstringMethod;
  readonly bits: Uint8Array;
  readonly purposes: string[];
  readonly issuer: string | undefined;
  readonly checks: CheckResult[];
}

type ListResult = { ok: true; list: StatusList } | ({ ok: false; checks?: CheckResult[] } & Problem);

const unknownEntry = (problem: StatusProblem, params: CheckParams, details: Json): EntryResult => ({ outcome: 'unknown', problem: { problem, params }, details });

async function fetchSafely(fetchJson: FetchJson, url: string): Promise<{ ok: true; json: unknown } | { ok: false; reason: string }> {
  try {
    return await fetchJson(url);
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

/**
 * BSL §4.3 steps 3–8: retrieve the list credential (STATUS_RETRIEVAL_ERROR when it cannot be),
 * verify it (STATUS_VERIFICATION_ERROR), expand it. The list's `id` is not compared with the
 * address it came from: the algorithm has no such step, and a list is trusted for its issuer and
 * signature, not for its name.
 */
async function loadStatusList(url: string, deps: StatusCheckDeps): Promise<ListResult> {
  const fetched = await fetchSafely(deps.fetchJson, url);
  if (!fetched.ok) return { ok: false, problem: 'list-unreachable', params: { url, reason: fetched.reason } };
  const verified = await deps.authenticate(fetched.json, url);
  if (!verified.ok) return verified;
  const { document: list, checks } = verified;
  const subject = list['credentialSubject'];
  const method = (Object.keys(LIST_OF_METHOD) as BitstringMethod[]).find((candidate) => hasType(subject, LIST_OF_METHOD[candidate].subjectType));
  if (!isRecord(subject) || method === undefined) return { ok: false, problem: 'list-without-subject', params: { url }, checks };
  const decoded = decodeStatusList(subject['encodedList'], undefined, LIST_OF_METHOD[method].format);
  if (!decoded.ok) return { ok: false, problem: 'list-not-expandable', params: { url, reason: decoded.reason }, checks };
  const purposes = asArray(subject['statusPurpose']).filter((purpose): purpose is string => typeof purpose === 'string');
  return { ok: true, list: { method, bits: decoded.bits, purposes, issuer: idOf(list['issuer']), checks } };
}

/**
 * BSL §2.1: statusListIndex is a string holding a base-10 integer. Some issuers write a JSON
 * number instead (the 1EdTech test suite has such a credential, revoked): a whole number is read
 * as the index it plainly means, with a warning, so a set bit is never missed for a quibble.
 */
function readIndex(value: unknown): { ok: true; index: number; warnings: StatusWarning[] } | { ok: false } {
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return { ok: true, index: Number(value), warnings: [] };
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return { ok: true, index: value, warnings: ['index-not-string'] };
  return { ok: false };
}

interface EntryContext {
  readonly deps: StatusCheckDeps;
  /** The public key (hex) that signed the credential: a list it signed too is the issuer's. */
  readonly credentialKey: string | undefined;
  /** One fetch and one verification per list URL, however many entries name it. */
  readonly lists: Map<string, Promise<ListResult>>;
}

/**
 * BSL §4.3 Validate Algorithm for one BitstringStatusListEntry or StatusList2021Entry.
 * `requiredIssuer` is the only issuer the list may have: the credential's own, unless the list is
 * signed with the very key that signed the credential (a did:key credential whose list names the
 * issuer's did:web, say). BSL §2.2 lets the two issuers differ, but a verifier must trust the
 * list's issuer (§3.2, "Issuer validation is use case dependent"); this verifier has no list of
 * trusted issuers, so a list from anyone else is "could not check", whatever its bits say.
 */
async function checkBitstringEntry(entry: Json, method: BitstringMethod, context: EntryContext, requiredIssuer: string | undefined, extra: Json = {}): Promise<EntryResult> {
  const purpose = entry['statusPurpose'];
  const url = entry['statusListCredential'];
  const indexValue = entry['statusListIndex'];
  // StatusList2021 has no statusSize: every entry is one bit.
  const statusSize = method === 'StatusList2021Entry' ? 1 : entry['statusSize'] ?? 1;
  const details: Json = { type: method, ...extra, statusPurpose: purpose, statusListCredential: url, statusListIndex: indexValue, statusSize };
  if (typeof purpose !== 'string') return unknownEntry('no-purpose', {}, details);
  if (typeof url !== 'string' || !url.startsWith('https://')) return unknownEntry('no-list-url', {}, details);
  const read = readIndex(indexValue);
  if (!read.ok) return unknownEntry('bad-index', {}, details);
  const { index, warnings } = read;
  const unknownWith = (problem: StatusProblem, params: CheckParams, at: Json): EntryResult => ({ ...unknownEntry(problem, params, at), warnings });
  if (typeof statusSize !== 'number' || !Number.isSafeInteger(statusSize) || statusSize < 1) return unknownWith('bad-size', {}, details);
  let pending = context.lists.get(url);
  if (!pending) {
    pending = loadStatusList(url, context.deps);
    context.lists.set(url, pending);
  }
  const loaded = await pending;
  if (!loaded.ok) return unknownWith(loaded.problem, loaded.params, { ...details, ...(loaded.checks ? { listChecks: loaded.checks } : {}) });
  const { bits, purposes, issuer, checks } = loaded.list;
  const entries = Math.floor((bits.length * 8) / statusSize);
  const position = index * statusSize;
  const listDetails: Json = {
    ...details,
    listIssuer: issuer,
    listPurposes: purposes,
    listEntries: entries,
    listChecks: checks,
    bitPosition: position,
    byteIndex: Math.floor(position / 8),
    bitMask: `0x${(0x80 >> (position % 8)).toString(16).padStart(2, '0')}`,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  // A StatusList2021Entry is read in a StatusList2021 list, a BitstringStatusListEntry in a Bitstring one.
  if (loaded.list.method !== method) return unknownWith('list-other-method', { url, method, listType: LIST_OF_METHOD[loaded.list.method].subjectType }, listDetails);
  const listKey = checks.find((check) => check.id === 'issuer-key')?.details?.['publicKeyHex'];
  const sameSigner = typeof listKey === 'string' && listKey === context.credentialKey;
  if (issuer !== requiredIssuer && !sameSigner) return unknownWith('list-other-issuer', { purpose, url, listIssuer: issuer, issuer: requiredIssuer }, listDetails);
  // Step 5: the entry's purpose must be one the list declares (STATUS_VERIFICATION_ERROR).
  if (!purposes.includes(purpose)) return unknownWith('wrong-purpose', { purpose, listPurposes: purposes.join(', ') }, listDetails);
  // Step 9: at least 131,072 entries, for herd privacy (STATUS_LIST_LENGTH_ERROR).
  if (entries < MIN_STATUS_LIST_ENTRIES) return unknownWith('list-too-short', { entries, minimum: MIN_STATUS_LIST_ENTRIES }, listDetails);
  // Step 10: the value at index × statusSize (RANGE_ERROR when outside the list).
  const value = readStatus(bits, index, statusSize);
  if (value === undefined) return unknownWith('index-out-of-range', { index }, listDetails);
  const withValue = { ...listDetails, value };
  if (value === 0) return { outcome: 'clear', details: withValue, warnings };
  if (purpose === 'revocation') return { outcome: 'revoked', details: withValue, warnings };
  if (purpose === 'suspension') return { outcome: 'suspended', details: withValue, warnings };
  // refresh and message (BSL §2.1) carry information, not a verdict on validity.
  if (purpose === 'refresh' || purpose === 'message') return { outcome: 'clear', details: withValue, warnings };
  // A set status of a purpose this verifier cannot interpret is never read as "valid".
  return unknownWith('unknown-purpose', { purpose, value }, withValue);
}

/** OB 3.0 1EdTechRevocationList (VCRL-10): GET the id, look for the credential in revokedCredential. */
async function checkRevocationListEntry(entry: Json, credentialId: unknown, deps: StatusCheckDeps): Promise<EntryResult> {
  const url = entry['id'];
  const details: Json = { type: '1EdTechRevocationList', id: url, credentialId };
  if (typeof url !== 'string' || !url.startsWith('https://')) return unknownEntry('revocation-list-url', {}, details);
  const fetched = await fetchSafely(deps.fetchJson, url);
  if (!fetched.ok) return unknownEntry('revocation-list-unreachable', { url, reason: fetched.reason }, details);
  const listed = isRecord(fetched.json) ? fetched.json['revokedCredential'] : undefined;
  if (!Array.isArray(listed)) return unknownEntry('revocation-list-malformed', { url }, details);
  const match = listed.find((item) => isRecord(item) && item['id'] === credentialId) as Json | undefined;
  if (match && match['revoked'] !== false) return { outcome: 'revoked', details: { ...details, entry: match } };
  return { outcome: 'clear', details: { ...details, listed: listed.length } };
}

type Announcement = { kind: 'none' } | { kind: 'list'; url: string; serviceId: string; did: string; documentUrl: string } | { kind: 'broken'; serviceId: string };

/**
 * The suspension list the issuer's did:web document announces as
 * `{"id":"<did>#suspension-list","type":"BitstringStatusListCredential","serviceEndpoint":"https://…"}`
 * (DID Core §5.4 services). Only a did:web key counts: its document is the issuer's own, already
 * fetched (and cached) to find the key. A did:key document has no services.
 */
async function announcedSuspensionList(key: ResolvedKey | undefined, fetchJson: FetchJson): Promise<Announcement> {
  if (!key || (key.source !== 'did:web' && key.source !== 'did:webvh') || key.documentUrl === undefined) return { kind: 'none' };
  const { did } = splitDidUrl(key.verificationMethodId);
  const fetched = key.didDocument ? { ok: true as const, json: key.didDocument } : await fetchSafely(fetchJson, key.documentUrl);
  if (!fetched.ok || !isRecord(fetched.json)) return { kind: 'none' };
  const serviceId = `${did}#${SUSPENSION_SERVICE_FRAGMENT}`;
  const service = asArray(fetched.json['service']).find(
    (candidate): candidate is Json =>
      isRecord(candidate) &&
      (candidate['id'] === serviceId || candidate['id'] === `#${SUSPENSION_SERVICE_FRAGMENT}`) &&
      asArray(candidate['type']).includes(STATUS_LIST_SERVICE_TYPE),
  );
  if (!service) return { kind: 'none' };
  const endpoints = asArray(service['serviceEndpoint']);
  const [url] = endpoints;
  if (endpoints.length !== 1 || typeof url !== 'string' || !url.startsWith('https://')) return { kind: 'broken', serviceId };
  return { kind: 'list', url, serviceId, did, documentUrl: key.documentUrl };
}

/**
 * Reads the announced suspension list at the revocation entry's index. Returns undefined when it
 * does not apply: nothing announced, the credential names its own suspension list, or it has no
 * one-bit revocation entry whose index could be shared.
 */
async function checkAnnouncedSuspension(entries: unknown[], context: EntryContext): Promise<EntryResult | undefined> {
  const bitstringEntries = entries.filter((entry): entry is Json => isRecord(entry) && entry['type'] === 'BitstringStatusListEntry');
  if (bitstringEntries.some((entry) => entry['statusPurpose'] === 'suspension')) return undefined;
  const revocation = bitstringEntries.find((entry) => entry['statusPurpose'] === 'revocation' && (entry['statusSize'] ?? 1) === 1);
  if (!revocation) return undefined;
  const announced = await announcedSuspensionList(context.deps.issuerKey, context.deps.fetchJson);
  if (announced.kind === 'none') return undefined;
  if (announced.kind === 'broken') return unknownEntry('announcement-broken', {}, { type: 'BitstringStatusListEntry', statusPurpose: 'suspension', announcedBy: announced.serviceId });
  const entry: Json = { statusPurpose: 'suspension', statusListIndex: revocation['statusListIndex'], statusListCredential: announced.url };
  return checkBitstringEntry(entry, 'BitstringStatusListEntry', context, announced.did, { announcedBy: announced.serviceId, announcedIn: announced.documentUrl });
}

/** The status check for a credential whose signature and issuer key have been verified. */
export async function checkStatus(doc: Json, deps: StatusCheckDeps): Promise<CheckResult> {
  const entries = asArray(doc['credentialStatus']);
  if (entries.length === 0) return result('status', 'passed', 'status.none', {}, { entries: [] });
  const context: EntryContext = { deps, credentialKey: deps.issuerKey ? bytesToHex(deps.issuerKey.publicKey) : undefined, lists: new Map() };
  // Every list is fetched at once (a verifier waits for the network, not the CPU); results keep the entries' order.
  const checking = entries.map(async (entry): Promise<EntryResult> => {
    if (!isRecord(entry)) return unknownEntry('entry-not-object', {}, {});
    if (isBitstringMethod(entry['type'])) return checkBitstringEntry(entry, entry['type'], context, idOf(doc['issuer']));
    if (entry['type'] === '1EdTechRevocationList') return checkRevocationListEntry(entry, doc['id'], deps);
    return unknownEntry('unsupported-method', { method: entry['type'] }, { type: entry['type'] });
  });
  const [results, announced] = await Promise.all([Promise.all(checking), checkAnnouncedSuspension(entries, context)]);
  if (announced) results.push(announced);
  const details = { entries: results.map((entry) => ({ outcome: entry.outcome, ...(entry.outcome === 'unknown' ? { problem: entry.problem.problem } : {}), ...entry.details })) };
  const warnings = [...new Set(results.flatMap((entry) => entry.warnings ?? []))];
  const warned = warnings.length > 0 ? { warnings } : {};
  if (results.some((entry) => entry.outcome === 'revoked')) return result('status', 'failed', 'status.revoked', warned, details);
  if (results.some((entry) => entry.outcome === 'suspended')) return result('status', 'failed', 'status.suspended', warned, details);
  const unknown = results.find((entry) => entry.outcome === 'unknown');
  if (unknown) return result('status', 'unknown', 'status.unknown', { problem: unknown.problem.problem, problemParams: unknown.problem.params, ...warned }, details);
  const purposes = [...entries.filter(isRecord).map((entry) => entry['statusPurpose'] ?? 'revocation'), ...(announced ? ['suspension'] : [])];
  const what = purposes.includes('suspension') ? (purposes.includes('revocation') ? 'revoked or suspended' : 'suspended') : 'revoked';
  const lists = new Set(results.map((entry) => entry.details['statusListCredential'] ?? entry.details['id'])).size;
  // Read leniently: the answer stands, but the credential does not follow the standard.
  return result('status', warnings.length > 0 ? 'warning' : 'passed', 'status.clear', { what, lists, ...warned }, details);
}
