/**
 * The log check: is this credential in its issuer's public transparency log, and what does the
 * log say happened to it? For an issuer whose DID document announces a log (the service
 * `#transparency-log`, a c2sp.org/tlog-tiles prefix), the verifier reads the log's signed
 * checkpoint, finds the credential's entries through the log's index (../tlog/entry.ts), and
 * proves each entry's place in the tree against the checkpoint with an inclusion proof computed
 * from the tiles (RFC 6962 §2.1.1, RFC 9162 §2.1.3.2). Only the checkpoint's signature and the
 * root it signs are trusted; an index, tile or bundle that lies makes the proof fail. When the log
 * is anchored in Bitcoin (../tlog/anchor.ts), the earliest anchor that holds the credential says
 * by when it was logged.
 *
 * A checkpoint not signed by a key of the issuer's DID document, an entry that does not prove,
 * a credential the log does not list or whose bytes no entry records: failed. A log that records
 * it as revoked or erased: a warning (the status check fails it). A log that cannot be fetched:
 * unknown ("could not check"), never passed. An issuer with no log: skipped.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { TRANSPARENCY_LOG_SERVICE_FRAGMENT, splitDidUrl, type FetchJson } from '../did.ts';
import type { ResolvedKey } from '../verification-method.ts';
import { MAX_LOG_ENTRIES_PER_CREDENTIAL } from '../limits.ts';
import { decodePublicKeyMultibase } from '../multikey.ts';
import { openCheckpoint, originOf, type Checkpoint } from '../tlog/checkpoint.ts';
import { copyDigests, decodeEntry, entryIndexPath, type LogEntry } from '../tlog/entry.ts';
import { leafHash, verifyInclusion, type Hash } from '../tlog/merkle.ts';
import { ANCHOR_INDEX_PATH, anchoredCheckpointPath, anchorProofPath, blockHeaderPath, checkAnchor, readAnchorIndex, type AnchorProblem } from '../tlog/anchor.ts';
import { entryBundleFor, inclusionProofFromTiles, readTiles, tileRef, tilesForInclusion, type TileRef } from '../tlog/tile-proof.ts';
import { readEntryBundle, readTile } from '../tlog/tiles.ts';
import { result, type CheckParams, type CheckResult } from './check.ts';
import { parseJsonText } from './input.ts';
import { asArray, errorMessage, isRecord, type Json } from './json-shape.ts';

/** A log file's bytes (a checkpoint, a tile, an entry bundle), fetched within MAX_LOG_FILE_BYTES. */
export type FetchLogFile = (url: string) => Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }>;

/** Why the log could not be read; ./messages.ts words each. */
export type LogProblem = 'announcement-broken' | 'no-fetcher' | 'checkpoint-unreachable' | 'index-unreachable' | 'index-unreadable' | 'too-many-entries' | 'file-unreachable';

export interface LogCheckDeps {
  readonly fetchJson: FetchJson;
  /** Absent: the log cannot be read here, and the check ends unknown for an issuer that has one. */
  readonly fetchLogFile?: FetchLogFile | undefined;
  /** The key that verified the credential; its DID document announces the log. */
  readonly issuerKey?: ResolvedKey | undefined;
}

/** One event of the credential's history, as the log records it. */
export interface LoggedEvent {
  readonly index: number;
  readonly event: LogEntry['event'];
  readonly date: string;
  readonly logged: string;
}

export const TRANSPARENCY_LOG_SERVICE_TYPE = 'TransparencyLog';

type Announced = { kind: 'none' } | { kind: 'broken' } | { kind: 'log'; prefix: string; keys: Uint8Array[] };

/** The log the issuer's DID document announces, and the keys that may sign its checkpoints. */
async function announcedLog(key: ResolvedKey | undefined, fetchJson: FetchJson): Promise<Announced> {
  // A DID's own document: did:web's did.json (fetched once per verification), did:webvh's verified latest version.
  if (!key || (key.source !== 'did:web' && key.source !== 'did:webvh') || key.documentUrl === undefined) return { kind: 'none' };
  const { did } = splitDidUrl(key.verificationMethodId);
  const fetched = key.didDocument ? { ok: true as const, json: key.didDocument } : await fetchJson(key.documentUrl).catch((error: unknown) => ({ ok: false as const, reason: errorMessage(error) }));
  if (!fetched.ok || !isRecord(fetched.json)) return { kind: 'none' };
  const document = fetched.json;
  const service = asArray(document['service']).find(
    (candidate): candidate is Json =>
      isRecord(candidate) &&
      (candidate['id'] === `${did}#${TRANSPARENCY_LOG_SERVICE_FRAGMENT}` || candidate['id'] === `#${TRANSPARENCY_LOG_SERVICE_FRAGMENT}`) &&
      asArray(candidate['type']).includes(TRANSPARENCY_LOG_SERVICE_TYPE),
  );
  if (!service) return { kind: 'none' };
  const [prefix, ...more] = asArray(service['serviceEndpoint']);
  if (more.length > 0 || typeof prefix !== 'string' || !prefix.startsWith('https://') || !prefix.endsWith('/')) return { kind: 'broken' };
  // The checkpoint's signer: any key the document lists (did-core §5.2), current or retired.
  const keys = asArray(document['verificationMethod'])
    .map((method) => (isRecord(method) && typeof method['publicKeyMultibase'] === 'string' ? decodePublicKeyMultibase(method['publicKeyMultibase']) : undefined))
    .filter((publicKey): publicKey is Uint8Array => publicKey !== undefined);
  return { kind: 'log', prefix, keys };
}

const unknown = (problem: LogProblem, params: CheckParams = {}, details: Json = {}): CheckResult => result('log', 'unknown', 'log.unknown', { problem, problemParams: params }, details);

/** Reads one log file, as text or bytes; a failure says which file. */
async function read(fetchLogFile: FetchLogFile, url: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  try {
    return await fetchLogFile(url);
  } catch (error) {
    return { ok: false, reason: errorMessage(error) };
  }
}

/**
 * c2sp.org/tlog-tiles §Partial Tiles: a partial tile may be gone once the full tile exists; a
 * client then reads the full one and uses its first hashes (entries).
 */
async function readPartialOrFull(fetchLogFile: FetchLogFile, prefix: string, path: string, fullPath: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  const first = await read(fetchLogFile, prefix + path);
  return first.ok || path === fullPath ? first : read(fetchLogFile, prefix + fullPath);
}

/** The credential's entry at `index`, proven against the checkpoint; undefined when it does not prove, a reason when a file could not be read. */
async function provenEntry(index: number, checkpoint: Checkpoint, prefix: string, fetchLogFile: FetchLogFile, tiles: Map<string, Promise<Hash[] | undefined | string>>): Promise<{ ok: true; entry: LogEntry; leaf: Hash; proof: string[] } | { ok: false; problem: 'unproven' | 'unreadable'; reason?: string; url?: string }> {
  const bundle = entryBundleFor(index, checkpoint.size);
  const tileOf = (ref: TileRef) => {
    let pending = tiles.get(ref.path);
    if (!pending) {
      pending = readPartialOrFull(fetchLogFile, prefix, ref.path, ref.fullPath).then((fetched) => (fetched.ok ? readTile(fetched.bytes)?.slice(0, ref.width) : fetched.reason));
      tiles.set(ref.path, pending);
    }
    return pending.then((hashes) => ({ ref, hashes }));
  };
  const [bundleBytes, read] = await Promise.all([readPartialOrFull(fetchLogFile, prefix, bundle.path, bundle.fullPath), Promise.all(tilesForInclusion(index, checkpoint.size).map(tileOf))]);
  if (!bundleBytes.ok) return { ok: false, problem: 'unreadable', reason: bundleBytes.reason, url: prefix + bundle.path };
  const unreadable = read.find((tile) => typeof tile.hashes === 'string');
  if (unreadable) return { ok: false, problem: 'unreadable', reason: unreadable.hashes as string, url: prefix + unreadable.ref.path };
  const bytes = readEntryBundle(bundleBytes.bytes)?.[bundle.position];
  const entry = bytes && decodeEntry(bytes);
  const proof = inclusionProofFromTiles(index, checkpoint.size, readTiles(read.map(({ ref, hashes }) => ({ ref, hashes: (hashes as Hash[] | undefined) ?? [] }))));
  if (!bytes || !entry || !proof || !verifyInclusion(index, checkpoint.size, leafHash(bytes), proof, checkpoint.root)) return { ok: false, problem: 'unproven' };
  return { ok: true, entry, leaf: leafHash(bytes), proof: proof.map(bytesToHex) };
}

/** What the log's Bitcoin timestamps say of an entry (../tlog/anchor.ts). */
export type AnchorState =
  | { readonly state: 'anchored'; readonly size: number; readonly height: number; readonly time: string; readonly blockHash: string }
  | { readonly state: 'pending' }
  | { readonly state: 'none' }
  | { readonly state: 'invalid'; readonly size?: number; readonly problem: AnchorProblem | 'index-unreadable' | 'file-unreachable' | 'not-included'; readonly url?: string };

/**
 * The earliest complete anchor whose checkpoint covers entry `index`: the checkpoint opens with
 * the issuer's key, its OpenTimestamps proof ends in a Bitcoin block whose header is served beside
 * it, and the entry is proven in the tree that checkpoint signs. Its tiles may be those of a later
 * size: a tile of a larger tree starts with the same hashes (tlog-tiles §Partial Tiles).
 */
async function anchorFor(listed: ReturnType<typeof read>, index: number, leaf: Hash, checkpoint: Checkpoint, prefix: string, keys: readonly Uint8Array[], fetchLogFile: FetchLogFile, tiles: Map<string, Promise<Hash[] | undefined | string>>): Promise<AnchorState> {
  const listing = await listed;
  if (!listing.ok) return { state: 'none' };
  const anchors = readAnchorIndex(new TextDecoder().decode(listing.bytes));
  if (!anchors) return { state: 'invalid', problem: 'index-unreadable', url: prefix + ANCHOR_INDEX_PATH };
  const covering = anchors.filter((anchor) => anchor.size > index && anchor.size <= checkpoint.size);
  const anchor = covering.find((one) => one.bitcoin !== undefined);
  if (!anchor || anchor.bitcoin === undefined) return covering.length > 0 ? { state: 'pending' } : { state: 'none' };
  const { size, bitcoin: height } = anchor;
  const urls = [prefix + anchoredCheckpointPath(size), prefix + anchorProofPath(size), prefix + blockHeaderPath(height)];
  const [note, proof, header] = await Promise.all(urls.map((url) => read(fetchLogFile, url)));
  const missing = [note, proof, header].findIndex((file) => !file!.ok);
  if (missing >= 0) return { state: 'invalid', size, problem: 'file-unreachable', url: urls[missing]! };
  const checked = checkAnchor({ note: (note as { bytes: Uint8Array }).bytes, size, origin: originOf(prefix), keys, proof: (proof as { bytes: Uint8Array }).bytes, height, header: (header as { bytes: Uint8Array }).bytes });
  if (!checked.ok) return { state: 'invalid', size, problem: checked.problem };
  const tileOf = (ref: TileRef) => {
    const later = tileRef(ref.level, ref.index, checkpoint.size);
    const key = `${ref.level}/${ref.index}@${ref.width}`;
    let pending = tiles.get(key);
    if (!pending) {
      pending = (async () => {
        for (const tilePath of new Set([ref.path, ref.fullPath, later.path])) {
          const fetched = await read(fetchLogFile, prefix + tilePath);
          const hashes = fetched.ok ? readTile(fetched.bytes) : undefined;
          if (hashes && hashes.length >= ref.width) return hashes.slice(0, ref.width);
        }
        return `no tile ${ref.path} of the log`;
      })();
      tiles.set(key, pending);
    }
    return pending.then((hashes) => ({ ref, hashes: typeof hashes === 'string' ? [] : (hashes ?? []) }));
  };
  const anchoredTiles = await Promise.all(tilesForInclusion(index, size).map(tileOf));
  const proofPath = inclusionProofFromTiles(index, size, readTiles(anchoredTiles));
  if (!proofPath || !verifyInclusion(index, size, leaf, proofPath, checked.checkpoint.root)) return { state: 'invalid', size, problem: 'not-included' };
  return { state: 'anchored', size, height, time: checked.bitcoin.time, blockHash: checked.bitcoin.blockHash };
}

/** The log check for a credential whose signature and issuer key have been verified. */
export async function checkLog(doc: Json, deps: LogCheckDeps): Promise<CheckResult> {
  const announced = await announcedLog(deps.issuerKey, deps.fetchJson);
  if (announced.kind === 'none') return result('log', 'skipped', 'log.none');
  if (announced.kind === 'broken') return unknown('announcement-broken');
  const { prefix, keys } = announced;
  if (!deps.fetchLogFile) return unknown('no-fetcher', { prefix });
  const id = doc['id'];
  if (typeof id !== 'string') return result('log', 'failed', 'log.missing', { prefix });

  // 1. The signed checkpoint (c2sp.org/tlog-checkpoint): the log's size and root, by the issuer's
  // key. The index is fetched at the same time: one round trip fewer.
  const indexUrl = prefix + entryIndexPath(id);
  // The list of the log's Bitcoin timestamps too (step 5), which most checks end by reading.
  const anchorListing = read(deps.fetchLogFile, prefix + ANCHOR_INDEX_PATH);
  const [fetched, index] = await Promise.all([read(deps.fetchLogFile, `${prefix}checkpoint`), read(deps.fetchLogFile, indexUrl)]);
  if (!fetched.ok) return unknown('checkpoint-unreachable', { url: `${prefix}checkpoint`, reason: fetched.reason });
  const note = new TextDecoder().decode(fetched.bytes);
  const origin = originOf(prefix);
  const checkpoint = keys.map((key) => openCheckpoint(note, origin, key)).find((opened) => opened !== undefined);
  if (!checkpoint) return result('log', 'failed', 'log.checkpoint-not-signed', { prefix, origin });
  const details: Json = { prefix, origin, size: checkpoint.size, root: bytesToHex(checkpoint.root) };

  // 2. The credential's entries, from the index: read as the log's other files are (bytes, never
  // a web page), then as JSON within the limits.
  if (!index.ok) return unknown('index-unreachable', { url: indexUrl, reason: index.reason }, details);
  const parsed = parseJsonText(new TextDecoder().decode(index.bytes));
  if (!parsed.ok || !isRecord(parsed.value)) return unknown('index-unreadable', { url: indexUrl }, details);
  const shard = parsed.value;
  const listed = Object.hasOwn(shard, id) ? shard[id] : [];
  if (!Array.isArray(listed) || !listed.every((n) => Number.isSafeInteger(n) && n >= 0)) return unknown('index-unreadable', { url: indexUrl }, details);
  const numbers = [...new Set(listed as number[])].filter((n) => n < checkpoint.size).sort((a, b) => a - b);
  if (numbers.length === 0) return result('log', 'failed', 'log.missing', { prefix }, details);
  if (numbers.length > MAX_LOG_ENTRIES_PER_CREDENTIAL) return unknown('too-many-entries', { count: numbers.length }, details);

  // 3. Each entry proven in the tree the checkpoint signs, and about this credential.
  const tiles = new Map<string, Promise<Hash[] | undefined | string>>();
  const proven = await Promise.all(numbers.map((n) => provenEntry(n, checkpoint, prefix, deps.fetchLogFile!, tiles)));
  const unreadable = proven.find((entry) => !entry.ok && entry.problem === 'unreadable');
  if (unreadable && !unreadable.ok) return unknown('file-unreachable', { url: unreadable.url, reason: unreadable.reason }, details);
  const entries: Array<LogEntry & { index: number; leaf: Hash; proof: string[] }> = [];
  for (const [position, entry] of proven.entries()) {
    if (!entry.ok || entry.entry.id !== id) return result('log', 'failed', 'log.inconsistent', { prefix, index: numbers[position] }, details);
    entries.push({ ...entry.entry, index: numbers[position]!, leaf: entry.leaf, proof: entry.proof });
  }
  const events: LoggedEvent[] = entries.map(({ index, event, date, logged }) => ({ index, event, date, logged }));
  const withDetails = { ...details, logEntries: entries.map(({ leaf: _, ...entry }) => entry) };

  // 4. This copy's bytes: as hosted (compact JSON, which a re-formatted copy parses back to).
  const digests = copyDigests(doc);
  const signedAs = entries.filter((entry) => entry.sha256 !== undefined);
  const matching = signedAs.find((entry) => digests.includes(entry.sha256!));
  if (!matching) return result('log', 'failed', 'log.not-logged', { prefix, events }, withDetails);
  const newer = signedAs.find((entry) => entry.index > matching.index);
  const last = [...entries].reverse().find((entry) => entry.event !== 'issued' && entry.event !== 're-signed');
  const state = last?.event === 'revoked' || last?.event === 'erased' ? last.event : last?.event === 'suspended' ? 'suspended' : 'valid';
  // 5. When it was logged, by the clock of Bitcoin rather than the issuer's: the earliest anchor of
  // a checkpoint that holds its first entry.
  const first = entries[0]!;
  const anchor = await anchorFor(anchorListing, first.index, first.leaf, checkpoint, prefix, keys, deps.fetchLogFile, tiles);
  const params = { prefix, events, loggedOn: first.logged, ...(newer ? { supersededOn: newer.logged } : {}), anchor };
  const anchoredDetails = { ...withDetails, anchor };
  // A revocation or erasure in the log is final (src/issue/transparency-log.ts). The status check
  // is the one that fails a withdrawn credential; this one says the log records it, as a warning,
  // which also stands when the status lists could not be read or say otherwise.
  if (state === 'revoked' || state === 'erased') return result('log', 'warning', 'log.withdrawn', params, anchoredDetails);
  // A timestamp that does not check out proves nothing, and says something is wrong with the log's files.
  if (anchor.state === 'invalid') return result('log', 'warning', 'log.anchor-invalid', params, anchoredDetails);
  return result('log', 'passed', 'log.logged', params, anchoredDetails);
}
