/**
 * Finding the key a proof names: CID 1.0 §3.3 "Retrieve Verification Method" for each form an
 * Open Badges verifier meets (did:key, did:web, did:webvh, an HTTPS controlled identifier
 * document, a standalone Multikey document). Every https form is fetched: a key is never taken
 * from its name alone. Returns a result and never throws.
 */
import { didWebToUrl, expandDidKey, extractVerificationMethod, splitDidUrl, type ExtractedKey, type FetchJson, type Result } from './did.ts';
import { didWebvhToUrl, keyHistoryOf, parseDidLog, resolveDidLog, type KeyHistory, type ResolvedDidLog } from './did-webvh.ts';
import type { JsonObject } from './json.ts';
import { keyFailure, quoted, type KeyProblem } from './key-problems.ts';
import { decodePublicKeyMultibase } from './multikey.ts';

/** Reads a file as bytes (the verifier's log-file fetcher, within its limits): a did:webvh DID log. */
export type FetchBytes = (url: string) => Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }>;

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a key came from, so a person can re-trace it. */
export type KeySource =
  | 'did:web' // fetched the DID document of a did:web
  | 'did:webvh' // fetched and verified the DID log of a did:webvh
  | 'did:key' // decoded from the identifier, nothing fetched
  | 'controlled-identifier-document' // fetched a plain HTTPS CID document (an issuer profile that lists its keys is one)
  | 'multikey-document'; // fetched a standalone Multikey document at the method's URL

export interface ResolvedKey extends ExtractedKey {
  source: KeySource;
  verificationMethodId: string;
  /** The URL that was fetched, when one was. */
  documentUrl?: string;
  /** The DID document the key is in, for a DID (did:web, did:webvh): its services announce the issuer's log and lists. */
  didDocument?: Record<string, unknown>;
  /**
   * When the key entered the DID's verified did:webvh history, and the version that history is at:
   * a did:webvh key's own, or for a did:web the history its document names as an alias on the same site.
   */
  history?: KeyHistory & { readonly did: string; readonly versions: number; readonly versionTime: string };
  /** Why the history a did:web document names could not be read or does not verify, or disagrees with the document. */
  historyProblem?: string;
  /** The same, as data, to be said in the reader's language (./key-problems.ts). */
  historyProblemData?: KeyProblem;
}

async function fetchSafely(fetchJson: FetchJson, url: string): Promise<{ ok: true; json: unknown } | { ok: false; reason: string }> {
  try {
    return await fetchJson(url);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const resolved = (key: ExtractedKey, rest: Omit<ResolvedKey, keyof ExtractedKey>): Result<ResolvedKey> => ({
  ok: true,
  value: { ...key, ...rest },
});

/**
 * Finds the Ed25519 key a proof's `verificationMethod` names, in the forms OB 3.0 verifiers meet
 * (OB 3.0 Implementation Guide, key provenance, in the forms the 1EdTech validator's EmbeddedProofProbe accepts): did:key (decoded locally),
 * did:web (fetch did.json), an HTTPS controlled identifier document (CID §3.3), a standalone
 * HTTPS Multikey document. Every https form is fetched: a key is never taken from its name alone.
 */
export async function resolveVerificationMethod(vmId: unknown, fetchJson: FetchJson, options: { readonly fetchBytes?: FetchBytes | undefined; readonly now?: Date | undefined } = {}): Promise<Result<ResolvedKey>> {
  if (typeof vmId !== 'string' || vmId === '') return keyFailure('no-verification-method');
  const { did: documentUrl, fragment } = splitDidUrl(vmId);

  if (documentUrl.startsWith('did:key:')) {
    const expanded = expandDidKey(documentUrl);
    if (!expanded.ok) return expanded;
    // 1EdTech form 2: a bare did:key names its only key.
    const fullId = fragment === undefined ? `${documentUrl}#${documentUrl.slice('did:key:'.length)}` : vmId;
    const key = extractVerificationMethod(expanded.value.document, fullId);
    return key.ok ? resolved(key.value, { source: 'did:key', verificationMethodId: fullId }) : key;
  }

  if (documentUrl.startsWith('did:web:')) {
    const url = didWebToUrl(documentUrl);
    if (!url.ok) return url;
    const fetched = await fetchSafely(fetchJson, url.value);
    if (!fetched.ok) return keyFailure('did-document-unreachable', { url: url.value, reason: fetched.reason });
    const key = extractVerificationMethod(fetched.json, vmId);
    const alias = await aliasHistory(fetched.json, documentUrl, options);
    const publicKeyMultibase = key.ok ? key.value.publicKeyMultibase : fragment;
    const history = alias?.ok && publicKeyMultibase !== undefined ? keyHistoryOf(alias.value.log, publicKeyMultibase) : undefined;
    if (!key.ok) {
      // A key gone from the document: its history says when it was the issuer's, and when it stopped.
      const known = history?.removed === undefined ? {} : { added: history.added, removed: history.removed };
      return keyFailure('in-did-document', { inner: quoted(key), url: url.value, ...known });
    }
    const inHistory = alias?.ok && history !== undefined ? { history: { ...history, did: alias.value.log.did, versions: alias.value.log.versions.length, versionTime: alias.value.log.versions.at(-1)!.versionTime } } : {};
    const problem = alias === undefined ? undefined : !alias.ok ? alias : history?.removed !== undefined ? keyFailure('history-removed-key', { url: alias.value.url, removed: history.removed }) : undefined;
    return resolved(key.value, { source: 'did:web', verificationMethodId: vmId, documentUrl: url.value, ...(isRecord(fetched.json) ? { didDocument: fetched.json } : {}), ...inHistory, ...(problem === undefined ? {} : { historyProblem: problem.reason, ...(problem.problem ? { historyProblemData: problem.problem } : {}) }) });
  }

  if (documentUrl.startsWith('did:webvh:')) return resolveDidWebvhKey(vmId, documentUrl, options);

  if (documentUrl.startsWith('did:')) return keyFailure('did-method-unsupported', { did: documentUrl });
  let url: URL;
  try {
    url = new URL(documentUrl);
  } catch {
    return keyFailure('method-not-absolute', { vmId });
  }
  if (url.protocol !== 'https:') return keyFailure('key-document-not-https', { url: documentUrl });

  // CID §3.3 steps 3-4: the key is whatever the document at the URL says, never what the URL
  // spells. A key written into the fragment (`<issuer>#z6Mk…`, a form the 1EdTech validator reads
  // without fetching) is only believed when the issuer's own document lists it: otherwise anyone
  // could put their own key in a name that looks like the issuer's.
  const fetched = await fetchSafely(fetchJson, documentUrl);
  if (!fetched.ok) return keyFailure('key-document-unreachable', { url: documentUrl, reason: fetched.reason });
  if (!isRecord(fetched.json)) return keyFailure('key-document-not-object', { url: documentUrl });
  if (fragment !== undefined) {
    const key = extractVerificationMethod(fetched.json, vmId);
    if (!key.ok) return keyFailure('in-key-document', { inner: quoted(key), url: documentUrl });
    return resolved(key.value, { source: 'controlled-identifier-document', verificationMethodId: vmId, documentUrl });
  }
  // 1EdTech form 4: a standalone Multikey document at the method's URL.
  const document = fetched.json;
  const controller = document['controller'];
  const publicKeyMultibase = document['publicKeyMultibase'];
  const publicKey = typeof publicKeyMultibase === 'string' ? decodePublicKeyMultibase(publicKeyMultibase) : undefined;
  if (document['id'] === vmId && document['type'] === 'Multikey' && typeof controller === 'string' && publicKey && typeof publicKeyMultibase === 'string') {
    return resolved({ publicKey, publicKeyMultibase, controller, verificationMethod: document }, { source: 'multikey-document', verificationMethodId: vmId, documentUrl });
  }
  return keyFailure('not-multikey-document', { url: documentUrl });
}

/**
 * did:webvh "Read (Resolve)": the whole DID log is fetched and verified (hash chain, SCID, every
 * entry's signature by a key in force), then the key is looked up in the latest version. A key the
 * history once listed and has since removed is named with the date it was removed.
 */
async function resolveDidWebvhKey(vmId: string, did: string, options: LogOptions): Promise<Result<ResolvedKey>> {
  const read = await readDidLog(did, options);
  if (!read.ok) return read;
  const { log, url } = read.value;
  const { document, versions, deactivated } = log;
  const latest = versions.at(-1)!;
  if (deactivated) return keyFailure('did-deactivated', { did, on: latest.versionTime, url });
  // A portable DID that moved keeps its SCID: the key is looked up under the DID's latest name.
  const { fragment } = splitDidUrl(vmId);
  const currentId = fragment === undefined ? vmId : `${log.did}#${fragment}`;
  const key = extractVerificationMethod(document, currentId);
  const publicKeyMultibase = fragment !== undefined && fragment.startsWith('z') ? fragment : undefined;
  const history = publicKeyMultibase === undefined ? undefined : keyHistoryOf(log, publicKeyMultibase);
  if (!key.ok) {
    if (history?.removed !== undefined) return keyFailure('key-removed', { added: history.added, removed: history.removed, url });
    return keyFailure('in-did-log', { inner: quoted(key), url });
  }
  return resolved({ ...key.value, controller: did }, {
    source: 'did:webvh',
    verificationMethodId: vmId,
    documentUrl: url,
    didDocument: document as JsonObject,
    ...(history ? { history: { ...history, did: log.did, versions: versions.length, versionTime: latest.versionTime } } : {}),
  });
}

type LogOptions = { readonly fetchBytes?: FetchBytes | undefined; readonly now?: Date | undefined };

/**
 * The did:webvh history a did:web document names in alsoKnownAs (DID Core §5.1.3), when it is
 * on the same site: an alias elsewhere is someone else's claim, and is not followed. Undefined
 * when there is none, or nothing here reads logs.
 */
async function aliasHistory(document: unknown, didWeb: string, options: LogOptions): Promise<Result<{ log: ResolvedDidLog; url: string }> | undefined> {
  if (!isRecord(document) || !Array.isArray(document['alsoKnownAs']) || !options.fetchBytes) return undefined;
  const location = didWeb.slice('did:web:'.length);
  const alias = document['alsoKnownAs'].find((candidate): candidate is string => typeof candidate === 'string' && candidate.startsWith('did:webvh:') && candidate.endsWith(`:${location}`) && candidate.split(':').length === didWeb.split(':').length + 1);
  return alias === undefined ? undefined : readDidLog(alias, options);
}

/** Fetches, parses and verifies the DID log of a did:webvh DID. */
async function readDidLog(did: string, options: LogOptions): Promise<Result<{ log: ResolvedDidLog; url: string }>> {
  const url = didWebvhToUrl(did);
  if (!url.ok) return url;
  if (!options.fetchBytes) return keyFailure('did-log-unreadable-here', { url: url.value });
  let fetched: Awaited<ReturnType<FetchBytes>>;
  try {
    fetched = await options.fetchBytes(url.value);
  } catch (error) {
    fetched = fail(error instanceof Error ? error.message : String(error));
  }
  if (!fetched.ok) return keyFailure('did-log-unreachable', { url: url.value, reason: fetched.reason });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fetched.bytes);
  } catch {
    return keyFailure('did-log-not-utf8', { url: url.value });
  }
  const entries = parseDidLog(text);
  if (!entries.ok) return keyFailure('did-log-unparsable', { inner: quoted(entries), url: url.value });
  const log = await resolveDidLog(entries.value, did, url.value, options.now ?? new Date());
  if (!log.ok) return keyFailure('did-log-invalid', { inner: quoted(log), url: url.value });
  return { ok: true, value: { log: log.value, url: url.value } };
}
