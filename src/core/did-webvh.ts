/**
 * did:webvh 1.0 (https://identity.foundation/didwebvh/v1.0/): did:web with a verifiable history.
 * The DID names a self-certifying identifier (SCID) and a location; the location serves
 * `did.jsonl`, a log of every version of the DID document, each entry hash-chained to the one
 * before and signed by a key the previous entry authorised. Laurel writes one beside its did:web
 * document, so that a verifier can tell which key was the issuer's when, and reads any issuer's.
 *
 * Section names below are the specification's. Witnesses are not supported: a log that asks for
 * them is refused, never half-checked. Every function that reads untrusted input returns a
 * result and never throws.
 */
import { keyFailure } from './key-problems.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import { canonicalizeJcs } from './canonicalize.ts';
import { didWebToUrl, splitDidUrl, type Result } from './did.ts';
import type { DocumentLoader } from './document-loader.ts';
import type { JsonObject } from './json.ts';
import { MAX_DEPTH, MAX_DID_LOG_ENTRIES } from './limits.ts';
import { decodePublicKeyMultibase } from './multikey.ts';
import { createProof, verifyProof, type DataIntegrityProof, type ProofOptions } from './proof.ts';
import { jsonNestingDepth } from './verify/input.ts';

/** The `method` parameter of a 1.0 log ("DID Method Processes": parameters). */
export const DID_WEBVH_METHOD = 'did:webvh:1.0';
/** "Generate SCID": the placeholder that stands for the SCID while it is computed. */
const SCID_PLACEHOLDER = '{SCID}';
/** "Implicit services": the context of the #whois service. */
const LINKED_VP_CONTEXT = 'https://identity.foundation/linked-vp/contexts/v1';

export interface DidLogEntry {
  readonly versionId: string;
  readonly versionTime: string;
  readonly parameters: JsonObject;
  readonly state: JsonObject;
  readonly proof: readonly DataIntegrityProof[];
}

/** The key that signs an entry: an Ed25519 Multikey, named `did:key:<key>#<key>` in the proof. */
export interface UpdateKey {
  readonly publicKeyMultibase: string;
  readonly secretKey: Uint8Array;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

// JCS proofs never load a context: the log's entries have none.
const noContexts: DocumentLoader = (url) => Promise.reject(new Error(`A did:webvh log entry loads no context (${url}).`));

/**
 * "Generate SCID" and "Entry Hash Generation and Verification": SHA-256 of the JCS form, as a
 * multihash (0x12, 32 bytes), in base58btc without a multibase prefix.
 */
export function entryHash(value: unknown): string {
  const digest = sha256(utf8ToBytes(canonicalizeJcs(value)));
  return base58.encode(new Uint8Array([0x12, 0x20, ...digest]));
}

/** "Pre-rotation key hash generation": the hash of a future update key, as a multihash like entryHash. */
export function nextKeyHash(publicKeyMultibase: string): string {
  return base58.encode(new Uint8Array([0x12, 0x20, ...sha256(utf8ToBytes(publicKeyMultibase))]));
}

/** A value with every occurrence of `from` in its strings replaced ("Generate SCID" runs it both ways). */
function replaceInStrings<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? item.replaceAll(from, to) : item))) as T;
}

/** The did:web method-specific id that a did:webvh DID ends with (everything after the SCID). */
function locationOf(did: string): Result<{ scid: string; location: string }> {
  if (!did.startsWith('did:webvh:')) return fail(`"${did}" is not a did:webvh identifier.`);
  const [scid = '', ...rest] = did.slice('did:webvh:'.length).split(':');
  if (rest.length === 0) return fail(`${did} has no domain after its SCID.`);
  return { ok: true, value: { scid, location: rest.join(':') } };
}

/**
 * "The DID to HTTPS Transformation": the location part is read as a did:web would be (the same
 * rules: a domain name, never an IP address), and the log is `did.jsonl` where did:web's
 * `did.json` would be.
 */
export function didWebvhToUrl(did: string): Result<string> {
  const parts = locationOf(did);
  if (!parts.ok) return parts;
  const url = didWebToUrl(`did:web:${parts.value.location}`);
  // The same problem, about the did:webvh DID the reader gave.
  if (!url.ok) return url.problem ? keyFailure(url.problem.code, { ...url.problem.params, did }) : fail(url.reason.replace(`did:web:${parts.value.location}`, did));
  return { ok: true, value: `${url.value}l` };
}

/** The did:webvh DID of a did:web (same location), once its SCID is known. */
export function didWebvhForDidWeb(didWeb: string, scid: string): string {
  return `did:webvh:${scid}:${didWeb.slice('did:web:'.length)}`;
}

async function signEntry(entry: Omit<DidLogEntry, 'proof'>, key: UpdateKey): Promise<DidLogEntry> {
  // "Data Integrity Proof Generation": eddsa-jcs-2022 for assertionMethod, by a did:key of an authorised update key.
  const options: ProofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    verificationMethod: `did:key:${key.publicKeyMultibase}#${key.publicKeyMultibase}`,
    created: entry.versionTime,
    proofPurpose: 'assertionMethod',
  };
  const created = await createProof(entry as unknown as Record<string, unknown>, options, key.secretKey, noContexts);
  if (!created.ok) throw new TypeError(`A did:webvh entry could not be signed: ${JSON.stringify(created.failure)}`);
  return { ...entry, proof: [created.proof] };
}

export interface NewDidLog {
  /** The did:web method-specific id of the location: `example.org` or `org.github.io:repo`. */
  readonly location: string;
  /** The DID document, given the DID it is for (at first with the SCID placeholder in it). */
  readonly state: (did: string) => JsonObject;
  readonly updateKey: UpdateKey;
  readonly versionTime: string;
  /** Whether the DID may later move to another location, keeping its SCID and history. */
  readonly portable: boolean;
}

/** "Create (Register)": the first entry of a new log, its SCID derived from its own content. */
export async function createDidLog(options: NewDidLog): Promise<DidLogEntry> {
  const preliminary = {
    versionId: SCID_PLACEHOLDER,
    versionTime: options.versionTime,
    parameters: { method: DID_WEBVH_METHOD, scid: SCID_PLACEHOLDER, updateKeys: [options.updateKey.publicKeyMultibase], portable: options.portable },
    state: options.state(`did:webvh:${SCID_PLACEHOLDER}:${options.location}`),
  };
  const scid = entryHash(preliminary);
  const withScid = replaceInStrings(preliminary, SCID_PLACEHOLDER, scid);
  // "Entry Hash": the first entry is hashed with the SCID as its predecessor's versionId.
  return signEntry({ ...withScid, versionId: `1-${entryHash(withScid)}` }, options.updateKey);
}

/**
 * "Update (Rotate)": the next entry, hash-chained to the last one. `parameters` holds only what
 * changes (new updateKeys, for instance); `signer` must be an update key the log authorises now.
 */
export async function appendDidLogEntry(log: readonly DidLogEntry[], next: { readonly state: JsonObject; readonly parameters: JsonObject; readonly versionTime: string; readonly signer: UpdateKey }): Promise<DidLogEntry> {
  const last = log.at(-1);
  if (!last) throw new RangeError('A did:webvh log starts with createDidLog.');
  const entry = { versionId: last.versionId, versionTime: next.versionTime, parameters: next.parameters, state: next.state };
  return signEntry({ ...entry, versionId: `${log.length + 1}-${entryHash(entry)}` }, next.signer);
}

/** "The DID Log File": JSON Lines, one entry per line. */
export function serializeDidLog(log: readonly DidLogEntry[]): string {
  return log.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/** The entries of a did.jsonl, checked for shape only (resolveDidLog checks everything else). */
export function parseDidLog(text: string): Result<DidLogEntry[]> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) return fail('The DID log is empty.');
  if (lines.length > MAX_DID_LOG_ENTRIES) return fail(`The DID log has more than ${MAX_DID_LOG_ENTRIES} entries.`);
  const entries: DidLogEntry[] = [];
  for (const [index, line] of lines.entries()) {
    const where = `line ${index + 1} of the DID log`;
    if (jsonNestingDepth(line) > MAX_DEPTH) return fail(`${where} is nested more than ${MAX_DEPTH} levels deep.`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return fail(`${where} is not JSON.`);
    }
    if (!isRecord(value)) return fail(`${where} is not a JSON object.`);
    const { versionId, versionTime, parameters, state, proof } = value;
    const proofs = Array.isArray(proof) ? proof : [proof];
    if (typeof versionId !== 'string' || typeof versionTime !== 'string' || !isRecord(parameters) || !isRecord(state) || !proofs.every(isRecord) || proofs.length === 0) {
      return fail(`${where} is not a DID log entry (versionId, versionTime, parameters, state and proof).`);
    }
    const extra = Object.keys(value).find((key) => !['versionId', 'versionTime', 'parameters', 'state', 'proof'].includes(key));
    if (extra !== undefined) return fail(`${where} has a member ${JSON.stringify(extra)} a DID log entry does not have.`);
    entries.push({ versionId, versionTime, parameters: parameters as JsonObject, state: state as JsonObject, proof: proofs as unknown as DataIntegrityProof[] });
  }
  return { ok: true, value: entries };
}

/** One version of the DID document, as its log entry made it. */
export interface DidVersion {
  readonly number: number;
  readonly versionId: string;
  readonly versionTime: string;
  readonly did: string;
  readonly document: JsonObject;
  /** The update keys in force after this entry. */
  readonly updateKeys: readonly string[];
}

export interface ResolvedDidLog {
  readonly scid: string;
  /** The DID as the latest entry names it (a portable DID may have moved). */
  readonly did: string;
  /** The latest DID document, with the implicit services ("DID Resolution": #files, #whois). */
  readonly document: JsonObject;
  readonly versions: readonly DidVersion[];
  readonly deactivated: boolean;
}

// "The DID Log File": versionTime is an ISO 8601 date-time in UTC.
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|\+00:00)$/;
/** Resolvers accept a versionTime a little in the future, for clocks that disagree. */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** "Implicit services": #files and #whois, unless the document defines them. */
function withImplicitServices(document: JsonObject, did: string, logUrl: string): JsonObject {
  const services = Array.isArray(document['service']) ? [...document['service']] : [];
  const has = (fragment: string) => services.some((service) => isRecord(service) && (service['id'] === `#${fragment}` || service['id'] === `${did}#${fragment}`));
  const base = logUrl.replace(/(?:\/\.well-known)?\/did\.jsonl$/, '');
  if (!has('files')) services.push({ id: '#files', type: 'relativeRef', serviceEndpoint: base });
  if (!has('whois')) services.push({ '@context': LINKED_VP_CONTEXT, id: '#whois', type: 'LinkedVerifiablePresentation', serviceEndpoint: `${base}/whois.vp` });
  return { ...document, service: services };
}

async function proofsAuthorised(entry: DidLogEntry, authorised: readonly string[], where: string): Promise<Result<true>> {
  for (const proof of entry.proof) {
    // "Authorized Keys": a did:key of an update key in force, eddsa-jcs-2022, for assertionMethod.
    const method = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : '';
    const { did: keyDid, fragment } = splitDidUrl(method);
    const key = keyDid.slice('did:key:'.length);
    if (!keyDid.startsWith('did:key:') || (fragment !== undefined && fragment !== key)) return fail(`${where} is signed by ${JSON.stringify(method)}, which is not the did:key of an update key.`);
    if (!authorised.includes(key)) return fail(`${where} is signed by ${key}, which is not one of the update keys in force (${authorised.join(', ') || 'none'}).`);
    if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022' || proof.proofPurpose !== 'assertionMethod') {
      return fail(`${where} has a proof that is not an eddsa-jcs-2022 DataIntegrityProof for assertionMethod.`);
    }
    const publicKey = decodePublicKeyMultibase(key);
    if (!publicKey) return fail(`${where} is signed by ${key}, which is not an Ed25519 key.`);
    const { proof: _proofs, ...unsigned } = entry;
    const checked = await verifyProof({ ...unsigned, proof }, proof, publicKey, noContexts);
    if (!checked.verified) return fail(`${where}: its signature does not verify.`);
  }
  return { ok: true, value: true };
}

/**
 * "Read (Resolve)", for the log of `did` fetched from `logUrl`: every entry in order, its
 * versionId and hash chain, its time, its parameters and its proofs; any fault refuses the whole
 * log (a history with one forged entry proves nothing after it). `now` bounds versionTime.
 */
export async function resolveDidLog(entries: readonly DidLogEntry[], did: string, logUrl: string, now: Date): Promise<Result<ResolvedDidLog>> {
  const requested = locationOf(did);
  if (!requested.ok) return requested;
  let scid = '';
  let updateKeys: readonly string[] = [];
  let nextKeyHashes: readonly string[] = [];
  let portable = false;
  let deactivated = false;
  let location = '';
  let previousTime = -Infinity;
  const versions: DidVersion[] = [];
  for (const [index, entry] of entries.entries()) {
    const number = index + 1;
    const where = `Entry ${number} of the DID log`;
    try {
      // versionId: "<number>-<entryHash>", numbered from 1.
      const match = /^(\d+)-([1-9A-HJ-NP-Za-km-z]+)$/.exec(entry.versionId);
      if (!match || Number(match[1]) !== number) return fail(`${where} has the versionId ${JSON.stringify(entry.versionId)}, not ${number}-<hash>.`);
      const time = Date.parse(entry.versionTime);
      if (!UTC_DATE_TIME.test(entry.versionTime) || Number.isNaN(time)) return fail(`${where} has the versionTime ${JSON.stringify(entry.versionTime)}, not a UTC date-time.`);
      if (time <= previousTime) return fail(`${where} is dated ${entry.versionTime}, not after the entry before it.`);
      if (time > now.getTime() + MAX_CLOCK_SKEW_MS) return fail(`${where} is dated ${entry.versionTime}, in the future.`);
      previousTime = time;
      const { parameters, state } = entry;
      if (deactivated) return fail(`${where} follows the entry that deactivated the DID.`);
      if (parameters['witness'] !== undefined && !(isRecord(parameters['witness']) && (!Array.isArray(parameters['witness']['witnesses']) || parameters['witness']['witnesses'].length === 0))) {
        return fail(`${where} asks for witnesses, which this verifier does not check.`);
      }
      const stateDid = locationOf(typeof state['id'] === 'string' ? state['id'] : '');
      if (!stateDid.ok) return fail(`${where}: its document's id is not a did:webvh DID.`);
      const { proof: _proofs, ...unsigned } = entry;
      let authorised: readonly string[];
      if (number === 1) {
        // "Create (Register)" run backwards: the method, the SCID, then the hash with the SCID as predecessor.
        if (parameters['method'] !== DID_WEBVH_METHOD) return fail(`${where} is for the method ${JSON.stringify(parameters['method'])}, not ${DID_WEBVH_METHOD}.`);
        if (typeof parameters['scid'] !== 'string' || !isStringArray(parameters['updateKeys']) || parameters['updateKeys'].length === 0) return fail(`${where} lacks its scid or its updateKeys.`);
        scid = parameters['scid'];
        const preliminary = replaceInStrings({ ...unsigned, versionId: SCID_PLACEHOLDER }, scid, SCID_PLACEHOLDER);
        if (entryHash(preliminary) !== scid) return fail(`${where}: the SCID ${scid} is not the hash of the log's first entry.`);
        if (entryHash({ ...unsigned, versionId: scid }) !== match[2]) return fail(`${where}: its versionId does not match its content.`);
        portable = parameters['portable'] === true;
        location = stateDid.value.location;
        authorised = parameters['updateKeys'];
      } else {
        if (parameters['method'] !== undefined && parameters['method'] !== DID_WEBVH_METHOD) return fail(`${where} changes the method to ${JSON.stringify(parameters['method'])}.`);
        if (parameters['scid'] !== undefined) return fail(`${where} sets the scid again, which only the first entry may.`);
        if (parameters['portable'] === true && !portable) return fail(`${where} makes the DID portable, which only the first entry may.`);
        if (entryHash({ ...unsigned, versionId: entries[index - 1]!.versionId }) !== match[2]) return fail(`${where}: its versionId does not chain from the entry before it (an entry was changed, dropped or reordered).`);
        if (stateDid.value.location !== location && !portable) return fail(`${where} moves the DID to ${stateDid.value.location}, and the DID is not portable.`);
        location = stateDid.value.location;
        if (parameters['updateKeys'] !== undefined && !isStringArray(parameters['updateKeys'])) return fail(`${where} has updateKeys that are not a list of keys.`);
        // "Pre-rotation": new update keys must have been announced by hash, and sign their own entry.
        if (nextKeyHashes.length > 0) {
          const newKeys = (parameters['updateKeys'] as string[] | undefined) ?? [];
          const unannounced = newKeys.find((key) => !nextKeyHashes.includes(nextKeyHash(key)));
          if (newKeys.length === 0 || unannounced !== undefined) return fail(`${where} names an update key that the entry before it did not announce in nextKeyHashes.`);
          authorised = newKeys;
        } else {
          authorised = updateKeys;
        }
      }
      if (stateDid.value.scid !== scid) return fail(`${where}: its document is for the SCID ${stateDid.value.scid}, not the log's ${scid}.`);
      const signed = await proofsAuthorised(entry, authorised, where);
      if (!signed.ok) return signed;
      if (parameters['updateKeys'] !== undefined) updateKeys = parameters['updateKeys'] as string[];
      if (parameters['nextKeyHashes'] !== undefined) nextKeyHashes = isStringArray(parameters['nextKeyHashes']) ? parameters['nextKeyHashes'] : [];
      if (parameters['portable'] === false) portable = false;
      if (parameters['deactivated'] === true) deactivated = true;
      versions.push({ number, versionId: entry.versionId, versionTime: entry.versionTime, did: state['id'] as string, document: state, updateKeys });
    } catch (error) {
      // Canonicalization of a value JSON cannot hold, a stack too deep for a hostile entry.
      return fail(`${where} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const latest = versions.at(-1);
  if (!latest) return fail('The DID log is empty.');
  if (requested.value.scid !== scid) return fail(`The DID log at ${logUrl} is for the SCID ${scid}, not ${did}'s.`);
  if (!versions.some((version) => version.did === did)) return fail(`No version of the DID log at ${logUrl} is the document of ${did}.`);
  return { ok: true, value: { scid, did: latest.did, document: withImplicitServices(latest.document, latest.did, logUrl), versions, deactivated } };
}

/** When a key entered and left the DID's assertion methods, by the versions of its log. */
export interface KeyHistory {
  readonly added: string;
  /** The versionTime of the first version without it after it was added; undefined while it is listed. */
  readonly removed?: string | undefined;
}

/** A verification method's history in a resolved log: when it became an assertion method, and when it stopped. */
export function keyHistoryOf(resolved: ResolvedDidLog, publicKeyMultibase: string): KeyHistory | undefined {
  let added: string | undefined;
  let removed: string | undefined;
  for (const version of resolved.versions) {
    const listed = assertionKeysOf(version.document).includes(publicKeyMultibase);
    if (listed && added === undefined) added = version.versionTime;
    if (listed) removed = undefined;
    else if (added !== undefined && removed === undefined) removed = version.versionTime;
  }
  return added === undefined ? undefined : { added, ...(removed === undefined ? {} : { removed }) };
}

/** The Multikeys a DID document lists under assertionMethod. */
function assertionKeysOf(document: JsonObject): string[] {
  const listed: unknown[] = Array.isArray(document['verificationMethod']) ? document['verificationMethod'] : [];
  const methods = listed.filter(isRecord);
  const assertion: unknown[] = Array.isArray(document['assertionMethod']) ? document['assertionMethod'] : [];
  return assertion.flatMap((reference) => {
    const method = isRecord(reference) ? reference : methods.find((candidate) => candidate['id'] === reference);
    return method && typeof method['publicKeyMultibase'] === 'string' ? [method['publicKeyMultibase']] : [];
  });
}
