/**
 * The site's transparency log: an append-only Merkle log (./../core/tlog/) of everything the issuer
 * publishes about each credential, one entry per event: issued, re-signed, revoked, suspended,
 * reinstated, erased. Each build replays the log it extends, derives what changed since, and
 * refuses content that would change what the log already says (a revocation undone, an erased
 * credential back, an issued one gone without erasure). Pure: the integration reads the previous
 * log and writes the new one.
 *
 * The entries' format, and the index a verifier finds a credential's entries by, are in
 * ../core/tlog/entry.ts, which verifiers share.
 */
import { hash } from 'node:crypto';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { toDateTimeStamp } from '../core/dates.ts';
import { LaurelError } from '../core/error.ts';
import { openCheckpoint, originOf, parseCheckpointText, signCheckpoint, type Checkpoint } from '../core/tlog/checkpoint.ts';
import { decodeEntry, encodeEntry, entryIndexFiles, jsonDigest, type LogEntry } from '../core/tlog/entry.ts';
import { appendLeaves, merkleTree, rootHash, type Hash, type MerkleTree } from '../core/tlog/merkle.ts';
import { anchoredSize } from '../core/tlog/anchor.ts';
import { entryBundles, treeTiles, type LogFile } from '../core/tlog/tiles.ts';
import type { SignedSite } from './signed-site.ts';

/**
 * RFC 6962 §2.1 with Node's native SHA-256: the hashes of ../core/tlog/merkle.ts, byte for byte,
 * several times faster, for a build that hashes its whole log again (100,000 entries: about a
 * second instead of several).
 */
const native = (...parts: Uint8Array[]): Hash => {
  const digest = hash('sha256', parts.length === 1 ? parts[0]! : concatBytes(...parts), 'buffer');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
};
const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);
const nativeLeafHash = (entry: Uint8Array): Hash => native(LEAF, entry);
const nativeNodeHash = (left: Hash, right: Hash): Hash => native(NODE, left, right);

/** Where an award is written, for an error that points at it. */
interface Written {
  readonly origin?: { readonly file: string; readonly line: number } | undefined;
}

/** What the site publishes about one credential now. */
export type Publication = Written &
  (
    | { readonly id: string; readonly state: 'valid' | 'suspended' | 'revoked'; readonly sha256: string; readonly issuedOn: string; readonly revokedOn?: string | undefined; readonly suspendedOn?: string | undefined }
    | { readonly id: string; readonly state: 'erased'; readonly erasedOn: string }
  );

/** What the log says of one credential, replayed from its entries. */
export interface LoggedCredential {
  readonly state: 'valid' | 'suspended' | 'revoked' | 'erased';
  readonly sha256: string | undefined;
  readonly entries: readonly LogEntry[];
}

/**
 * Each credential's state, from the log's entries in order. An entry that no build would have
 * appended (an event after erasure, a revocation undone) makes the log invalid.
 */
export function replayLog(entries: readonly LogEntry[]): Map<string, LoggedCredential> {
  const credentials = new Map<string, LoggedCredential>();
  entries.forEach((entry, index) => {
    const known = credentials.get(entry.id);
    const invalid = (why: string) => new LaurelError('log-invalid', `entry ${index} of the previous log (${entry.event} ${entry.id}) ${why}.`, { expected: 'the log the last build of this site published' });
    let state: LoggedCredential['state'];
    let digest = known?.sha256;
    switch (entry.event) {
      case 'issued':
        if (known) throw invalid('issues a credential the log had issued already');
        if (!entry.sha256) throw invalid('has no hash');
        state = 'valid';
        digest = entry.sha256;
        break;
      case 're-signed':
        if (!known || known.state === 'erased' || !entry.sha256) throw invalid('re-signs a credential that is not there');
        state = known.state;
        digest = entry.sha256;
        break;
      case 'revoked':
        if (!known || known.state === 'erased' || known.state === 'revoked') throw invalid('revokes a credential that is not in force');
        state = 'revoked';
        break;
      case 'suspended':
        if (!known || known.state !== 'valid') throw invalid('suspends a credential that is not valid');
        state = 'suspended';
        break;
      case 'reinstated':
        if (!known || known.state !== 'suspended') throw invalid('reinstates a credential that is not suspended');
        state = 'valid';
        break;
      case 'erased':
        if (known?.state === 'erased') throw invalid('erases a credential twice');
        state = 'erased';
        digest = undefined;
        break;
    }
    credentials.set(entry.id, { state, sha256: digest, entries: [...(known?.entries ?? []), entry] });
  });
  return credentials;
}

function rewrite(id: string, message: string, expected: string, origin?: Written['origin']): LaurelError {
  return new LaurelError('log-rewrite', `${id}: ${message} Nothing was built.`, { expected, ...(origin ? { file: origin.file, line: origin.line } : {}) });
}

/**
 * The entries that bring the log from what it says (`logged`) to what the site publishes now, in
 * a fixed order (by credential id, then event), or a 'log-rewrite' error for a change the log
 * cannot record because it would contradict an earlier entry.
 */
export function entriesToAppend(logged: ReadonlyMap<string, LoggedCredential>, published: readonly Publication[], loggedAt: string): LogEntry[] {
  const entries: LogEntry[] = [];
  const add = (entry: Omit<LogEntry, 'v' | 'logged'>) => entries.push({ v: 1, ...entry, logged: loggedAt });
  const seen = new Set<string>();
  for (const now of [...published].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    seen.add(now.id);
    const before = logged.get(now.id);
    if (now.state === 'erased') {
      if (before?.state !== 'erased') add({ event: 'erased', id: now.id, date: now.erasedOn });
      continue;
    }
    if (before?.state === 'erased') throw rewrite(now.id, 'the log records this credential as erased, and it is published again.', 'an erased award stays erased (its file says `erased:`); issue a new award instead', now.origin);
    if (!before) add({ event: 'issued', id: now.id, sha256: now.sha256, date: now.issuedOn });
    else if (before.sha256 !== now.sha256) add({ event: 're-signed', id: now.id, sha256: now.sha256, date: loggedAt });
    const was = before?.state ?? 'valid';
    if (was === 'revoked' && now.state !== 'revoked') throw rewrite(now.id, 'the log records this credential as revoked, and the content no longer revokes it.', 'the `revoked:` of the award kept as it was: a revocation is final', now.origin);
    if (was !== 'revoked' && now.state === 'revoked') add({ event: 'revoked', id: now.id, date: now.revokedOn ?? loggedAt });
    else if (was === 'valid' && now.state === 'suspended') add({ event: 'suspended', id: now.id, date: now.suspendedOn ?? loggedAt });
    else if (was === 'suspended' && now.state === 'valid') add({ event: 'reinstated', id: now.id, date: loggedAt });
  }
  for (const [id, before] of logged) {
    if (!seen.has(id) && before.state !== 'erased') throw rewrite(id, 'the log records this credential as issued, and the content has no award for it any more.', 'the award file kept; to withdraw a credential use npm run revoke, to remove a learner\'s data npm run forget');
  }
  return entries;
}

/** A log as a build reads it back: its signed checkpoint and every entry, in order. */
export interface PublishedLog {
  readonly checkpoint: string;
  readonly entries: readonly Uint8Array[];
  /** The sizes of earlier checkpoints whose partial tiles the log still serves. */
  readonly earlierSizes: readonly number[];
  /** Its Bitcoin timestamps (`anchors/…`, ../core/tlog/anchor.ts), published on as they are. */
  readonly anchors?: readonly LogFile[] | undefined;
}

export interface LogSigner {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export interface ExtendedLog {
  readonly checkpoint: Checkpoint;
  /** Every file of the log, paths relative to its folder: `checkpoint`, `tile/…`, `index/…`. */
  readonly files: readonly LogFile[];
  readonly appended: readonly LogEntry[];
  /** Each credential's state and entries, this build's included. */
  readonly credentials: ReadonlyMap<string, LoggedCredential>;
  readonly entries: readonly Uint8Array[];
  readonly tree: MerkleTree;
  readonly earlierSizes: readonly number[];
}

/**
 * The previous log's anchors, kept: each timestamped checkpoint (`anchors/<N>.checkpoint`) must be
 * one of this log's, signed by a trusted key, with the root the tree has at its size; a
 * checkpoint that is not would publish a timestamp of some other log (log-invalid). Its
 * OpenTimestamps proof and block header are checked by whoever adds them (npm run
 * timestamp-log) and by every verifier.
 */
function checkedAnchors(anchors: readonly LogFile[], tree: MerkleTree, origin: string, trustedKeys: readonly Uint8Array[]): LogFile[] {
  for (const file of anchors) {
    const size = anchoredSize(file.path);
    if (size === undefined) continue;
    const note = new TextDecoder().decode(file.bytes);
    const checkpoint = trustedKeys.map((key) => openCheckpoint(note, origin, key)).find((opened) => opened !== undefined);
    if (!checkpoint || checkpoint.size !== size || size > tree.size || size === 0 || bytesToHex(rootHash(tree, size)) !== bytesToHex(checkpoint.root)) {
      throw new LaurelError('log-invalid', `the timestamped checkpoint ${file.path} of the previous log is not this log's checkpoint of ${size} entries.`, { expected: "the checkpoints npm run timestamp-log anchored, each this log's at its size, signed by this site's key" });
    }
  }
  return [...anchors];
}

/**
 * The log extended with what the site publishes now. The previous log must be this site's: its
 * checkpoint signed by one of `trustedKeys` for the log at `prefix`, its entries hashing to that
 * checkpoint's root; otherwise 'log-invalid', and nothing is built on it.
 */
export function extendLog(previous: PublishedLog | undefined, published: readonly Publication[], options: { readonly prefix: string; readonly trustedKeys: readonly Uint8Array[]; readonly signer: LogSigner; readonly loggedAt: string }): ExtendedLog {
  const origin = originOf(options.prefix);
  let entries: LogEntry[] = [];
  let tree = merkleTree([]);
  let earlierSizes: number[] = [];
  if (previous) {
    const text = parseCheckpointText(previous.checkpoint.slice(0, previous.checkpoint.indexOf('\n\n') + 1));
    const checkpoint = options.trustedKeys.map((key) => openCheckpoint(previous.checkpoint, origin, key)).find((opened) => opened !== undefined);
    if (!checkpoint) {
      throw new LaurelError('log-invalid', text?.origin === origin ? 'the previous checkpoint is not signed by any key in keys/.' : `the previous checkpoint is not of this log (${origin}).`, { expected: `the checkpoint of ${options.prefix}, signed by this site's key` });
    }
    if (previous.entries.length !== checkpoint.size) throw new LaurelError('log-invalid', `the previous checkpoint is of ${checkpoint.size} entries, and ${previous.entries.length} were found.`, { expected: 'every entry bundle of the previous log' });
    entries = previous.entries.map((bytes, index) => {
      const entry = decodeEntry(bytes);
      if (!entry) throw new LaurelError('log-invalid', `entry ${index} of the previous log is not a Laurel log entry.`, { expected: 'the log the last build of this site published' });
      return entry;
    });
    tree = merkleTree(previous.entries.map(nativeLeafHash), nativeNodeHash);
    if (bytesToHex(rootHash(tree)) !== bytesToHex(checkpoint.root)) throw new LaurelError('log-invalid', 'the previous entries do not hash to the previous checkpoint\'s root: an entry was changed, dropped or reordered.', { expected: 'the log the last build of this site published' });
    earlierSizes = [...previous.earlierSizes.filter((size) => size < checkpoint.size), checkpoint.size];
  }
  const appended = entriesToAppend(replayLog(entries), published, options.loggedAt);
  const all = [...entries, ...appended];
  const bytes = [...(previous?.entries ?? []), ...appended.map(encodeEntry)];
  tree = appendLeaves(tree, appended.map((entry) => nativeLeafHash(encodeEntry(entry))), nativeNodeHash);
  const checkpoint: Checkpoint = { origin, size: tree.size, root: rootHash(tree) };
  const note = signCheckpoint(checkpoint, options.signer.publicKey, options.signer.secretKey);
  const index = entryIndexFiles(all, (bytes) => native(bytes)).map(({ path, json }) => ({ path, bytes: utf8ToBytes(json) }));
  const anchors = checkedAnchors(previous?.anchors ?? [], tree, origin, options.trustedKeys);
  const files: LogFile[] = [{ path: 'checkpoint', bytes: utf8ToBytes(note) }, ...treeTiles(tree, earlierSizes), ...entryBundles(bytes, earlierSizes), ...index, ...anchors];
  return { checkpoint, files, appended, credentials: replayLog(all), entries: bytes, tree, earlierSizes };
}


/** What the signed site publishes about each credential, erased ones included. */
export function publications(site: SignedSite): Publication[] {
  const live = site.awards.map(({ record, json }): Publication => ({
    id: site.urls.credentialJson(record.id),
    origin: record.origin,
    state: record.revoked ? 'revoked' : record.suspended ? 'suspended' : 'valid',
    sha256: jsonDigest(json),
    issuedOn: record.awardedOn,
    revokedOn: record.revoked && toDateTimeStamp(record.revoked.on),
    suspendedOn: record.suspended && toDateTimeStamp(record.suspended.on),
  }));
  const erased = site.erased.map((record): Publication => ({ id: site.urls.credentialJson(record.id), origin: record.origin, state: 'erased', erasedOn: toDateTimeStamp(record.erasedOn) }));
  return [...live, ...erased];
}
