/**
 * The status check: has the issuer revoked or suspended the credential? Bitstring Status List
 * v1.0 §4.3 (Validate Algorithm) for BitstringStatusListEntry, the OB 3.0 1EdTechRevocationList
 * for older issuers, and the suspension list a Laurel issuer announces in its DID document.
 *
 * A list that cannot be fetched, read or verified never counts as "not revoked": the check then
 * ends `unknown` ("could not check"). Verifying a list as a credential (format, contexts, key,
 * signature, validity period) is the job of ./verify.ts, which passes it in as `authenticate`, so
 * the two modules do not import each other.
 */
import { splitDidUrl, type FetchJson, type ResolvedKey } from '../did.ts';
import { decodeStatusList, MIN_STATUS_LIST_ENTRIES, readStatus } from '../status-list.ts';
import { result, type CheckParams, type CheckResult } from './check.ts';
import { asArray, errorMessage, idOf, isRecord, type Json } from './json-shape.ts';

/** Why an entry could not be checked; ./messages.ts words each. */
export type StatusProblem =
  | 'entry-not-object' | 'no-purpose' | 'no-list-url' | 'bad-index' | 'bad-size' | 'unsupported-method'
  | 'list-unreachable' | 'list-unreadable' | 'list-unverified' | 'list-out-of-date' | 'list-renamed' | 'list-without-subject'
  | 'list-not-expandable' | 'list-other-issuer' | 'wrong-purpose' | 'list-too-short' | 'index-out-of-range'
  | 'revocation-list-url' | 'revocation-list-unreachable' | 'revocation-list-malformed' | 'announcement-broken';

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
  | { readonly outcome: 'clear' | 'revoked' | 'suspended'; readonly details: Json }
  | { readonly outcome: 'unknown'; readonly problem: Problem; readonly details: Json };

interface StatusList {
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
 * BSL §4.3 steps 3–7: retrieve the list credential (STATUS_RETRIEVAL_ERROR when it cannot be),
 * verify it (STATUS_VERIFICATION_ERROR), check that it is the list it was asked for, expand it.
 */
async function loadStatusList(url: string, deps: StatusCheckDeps): Promise<ListResult> {
  const fetched = await fetchSafely(deps.fetchJson, url);
  if (!fetched.ok) return { ok: false, problem: 'list-unreachable', params: { url, reason: fetched.reason } };
  const verified = await deps.authenticate(fetched.json, url);
  if (!verified.ok) return verified;
  const { document: list, checks } = verified;
  if (list['id'] !== undefined && list['id'] !== url) return { ok: false, problem: 'list-renamed', params: { url, id: String(list['id']) }, checks };
  const subject = list['credentialSubject'];
  if (!isRecord(subject)) return { ok: false, problem: 'list-without-subject', params: { url }, checks };
  const decoded = decodeStatusList(subject['encodedList']);
  if (!decoded.ok) return { ok: false, problem: 'list-not-expandable', params: { url, reason: decoded.reason }, checks };
  const purposes = asArray(subject['statusPurpose']).filter((purpose): purpose is string => typeof purpose === 'string');
  return { ok: true, list: { bits: decoded.bits, purposes, issuer: idOf(list['issuer']), checks } };
}

interface EntryContext {
  readonly deps: StatusCheckDeps;
  /** One fetch and one verification per list URL, however many entries name it. */
  readonly lists: Map<string, Promise<ListResult>>;
}

/**
 * BSL §4.3 Validate Algorithm for one BitstringStatusListEntry. `requiredIssuer`, when given, is
 * the only issuer the list may have (an announced suspension list must be the issuer's own).
 */
async function checkBitstringEntry(entry: Json, context: EntryContext, requiredIssuer?: string, extra: Json = {}): Promise<EntryResult> {
  const purpose = entry['statusPurpose'];
  const url = entry['statusListCredential'];
  const indexText = entry['statusListIndex'];
  const statusSize = entry['statusSize'] ?? 1;
  const details: Json = { type: 'BitstringStatusListEntry', ...extra, statusPurpose: purpose, statusListCredential: url, statusListIndex: indexText, statusSize };
  if (typeof purpose !== 'string') return unknownEntry('no-purpose', {}, details);
  if (typeof url !== 'string' || !url.startsWith('https://')) return unknownEntry('no-list-url', {}, details);
  // BSL §2.1: statusListIndex is a string holding a base-10 integer.
  if (typeof indexText !== 'string' || !/^\d{1,15}$/.test(indexText)) return unknownEntry('bad-index', {}, details);
  if (typeof statusSize !== 'number' || !Number.isSafeInteger(statusSize) || statusSize < 1) return unknownEntry('bad-size', {}, details);
  let pending = context.lists.get(url);
  if (!pending) {
    pending = loadStatusList(url, context.deps);
    context.lists.set(url, pending);
  }
  const loaded = await pending;
  if (!loaded.ok) return unknownEntry(loaded.problem, loaded.params, { ...details, ...(loaded.checks ? { listChecks: loaded.checks } : {}) });
  const { bits, purposes, issuer, checks } = loaded.list;
  const index = Number(indexText);
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
  };
  if (requiredIssuer !== undefined && issuer !== requiredIssuer) {
    return unknownEntry('list-other-issuer', { purpose, url, listIssuer: issuer, issuer: requiredIssuer }, listDetails);
  }
  // Step 6: the entry's purpose must be one the list declares (STATUS_VERIFICATION_ERROR).
  if (!purposes.includes(purpose)) return unknownEntry('wrong-purpose', { purpose, listPurposes: purposes.join(', ') }, listDetails);
  // Step 8: at least 131,072 entries, for herd privacy (STATUS_LIST_LENGTH_ERROR).
  if (entries < MIN_STATUS_LIST_ENTRIES) return unknownEntry('list-too-short', { entries, minimum: MIN_STATUS_LIST_ENTRIES }, listDetails);
  // Steps 10–11: the value at index × statusSize (RANGE_ERROR when outside the list).
  const value = readStatus(bits, index, statusSize);
  if (value === undefined) return unknownEntry('index-out-of-range', { index }, listDetails);
  const withValue = { ...listDetails, value };
  if (value === 0) return { outcome: 'clear', details: withValue };
  if (purpose === 'revocation') return { outcome: 'revoked', details: withValue };
  if (purpose === 'suspension') return { outcome: 'suspended', details: withValue };
  // refresh and message purposes carry information, not a verdict on validity.
  return { outcome: 'clear', details: withValue };
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
  if (!key || key.source !== 'did:web' || key.documentUrl === undefined) return { kind: 'none' };
  const { did } = splitDidUrl(key.verificationMethodId);
  const fetched = await fetchSafely(fetchJson, key.documentUrl);
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
  return checkBitstringEntry(entry, context, announced.did, { announcedBy: announced.serviceId, announcedIn: announced.documentUrl });
}

/** The status check for a credential whose signature and issuer key have been verified. */
export async function checkStatus(doc: Json, deps: StatusCheckDeps): Promise<CheckResult> {
  const entries = asArray(doc['credentialStatus']);
  if (entries.length === 0) return result('status', 'passed', 'status.none', {}, { entries: [] });
  const context: EntryContext = { deps, lists: new Map() };
  // Every list is fetched at once (a verifier waits for the network, not the CPU); results keep the entries' order.
  const checking = entries.map(async (entry): Promise<EntryResult> => {
    if (!isRecord(entry)) return unknownEntry('entry-not-object', {}, {});
    if (entry['type'] === 'BitstringStatusListEntry') return checkBitstringEntry(entry, context);
    if (entry['type'] === '1EdTechRevocationList') return checkRevocationListEntry(entry, doc['id'], deps);
    return unknownEntry('unsupported-method', { method: entry['type'] }, { type: entry['type'] });
  });
  const [results, announced] = await Promise.all([Promise.all(checking), checkAnnouncedSuspension(entries, context)]);
  if (announced) results.push(announced);
  const details = { entries: results.map((entry) => ({ outcome: entry.outcome, ...(entry.outcome === 'unknown' ? { problem: entry.problem.problem } : {}), ...entry.details })) };
  if (results.some((entry) => entry.outcome === 'revoked')) return result('status', 'failed', 'status.revoked', {}, details);
  if (results.some((entry) => entry.outcome === 'suspended')) return result('status', 'failed', 'status.suspended', {}, details);
  const unknown = results.find((entry) => entry.outcome === 'unknown');
  if (unknown) return result('status', 'unknown', 'status.unknown', { problem: unknown.problem.problem, problemParams: unknown.problem.params }, details);
  const purposes = [...entries.filter(isRecord).map((entry) => entry['statusPurpose'] ?? 'revocation'), ...(announced ? ['suspension'] : [])];
  const what = purposes.includes('suspension') ? (purposes.includes('revocation') ? 'revoked or suspended' : 'suspended') : 'revoked';
  const lists = new Set(results.map((entry) => entry.details['statusListCredential'] ?? entry.details['id'])).size;
  return result('status', 'passed', 'status.clear', { what, lists }, details);
}
