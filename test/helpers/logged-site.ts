/**
 * A site of test/helpers/verify-site.ts whose DID document announces a transparency log, with the
 * log the build's own code writes (src/issue/transparency-log.ts extendLog) served from memory.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { buildDidDocument } from '../../src/core/did.ts';
import { ANCHOR_INDEX_PATH, anchoredCheckpointPath, anchorIndexJson, anchorProofPath, blockHeaderPath } from '../../src/core/tlog/anchor.ts';
import { serializeDetachedTimestamp, type Attestation, type Timestamp } from '../../src/core/timestamp/ots.ts';
import { jsonDigest } from '../../src/core/tlog/entry.ts';
import type { FetchLogFile } from '../../src/core/verify/log.ts';
import type { VerifyDeps } from '../../src/core/verify/verify.ts';
import { extendLog, type ExtendedLog, type Publication } from '../../src/issue/transparency-log.ts';
import { DID, DID_URL, NOW, SITE, buildSite, key, memoryFetch, type Json } from './verify-site.ts';

export const LOG = `${SITE}log/`;
export const logService = { id: `${DID}#transparency-log`, type: 'TransparencyLog' as const, serviceEndpoint: LOG };

/** What a build logs of a credential: the SHA-256 of its JSON as hosted, compact and with a newline (src/issue/json-text.ts). */
export const published = (credential: Json, extra: Partial<Publication> = {}): Publication =>
  ({ id: credential['id'] as string, state: 'valid', sha256: jsonDigest(`${JSON.stringify(credential)}\n`), issuedOn: '2025-06-01T00:00:00Z', ...extra }) as Publication;

/** `count` other credentials, logged before the ones under test (a build logs in the order of ids). */
export const others = (count: number): Publication[] =>
  Array.from({ length: count }, (_, n) => ({ id: `${SITE}credentials/0-other-${String(n).padStart(4, '0')}.json`, state: 'valid', sha256: n.toString(16).padStart(64, '0'), issuedOn: '2025-06-01T00:00:00Z' }));

/** The log after builds that published these lists of credentials, one build each. */
export function logOf(builds: ReadonlyArray<readonly Publication[]>, signer = key): ExtendedLog {
  let log: ExtendedLog | undefined;
  builds.forEach((publications, build) => {
    const previous = log && { checkpoint: new TextDecoder().decode(log.files.find((file) => file.path === 'checkpoint')!.bytes), entries: log.entries, earlierSizes: log.earlierSizes };
    log = extendLog(previous, publications, { prefix: LOG, trustedKeys: [signer.publicKey], signer, loggedAt: `2025-0${6 + build}-02T09:00:00.000Z` });
  });
  return log!;
}

/** The site with its DID document announcing the log, and its log files served by URL. */
export async function loggedSite(log: ExtendedLog | undefined, change: (files: Map<string, Uint8Array>) => void = () => undefined) {
  const site = await buildSite();
  site.set(DID_URL, buildDidDocument(DID, [key.publicKeyMultibase], [logService]));
  const files = new Map((log?.files ?? []).map((file) => [LOG + file.path, file.bytes]));
  change(files);
  const calls: string[] = [];
  const fetchLogFile: FetchLogFile = async (url) => {
    calls.push(url);
    const bytes = files.get(url);
    return bytes ? { ok: true, bytes } : { ok: false, reason: `404 Not Found: ${url}` };
  };
  return { deps: { now: NOW, fetchJson: memoryFetch(site), fetchLogFile } satisfies VerifyDeps, calls, site, files };
}


// ---------------------------------------------------------------------------------------------
// A log anchored in Bitcoin (src/core/tlog/anchor.ts), for the anchor checks of verifiers and
// commands. The block header is synthetic: test/fixtures/anchored-log/README.md says how it was
// made, for the checkpoint of 301 entries `anchoredLog` builds.

/** The block height the synthetic header stands at, and the bytes the proof appends before hashing (as calendars append a nonce). */
export const ANCHOR_HEIGHT = 900_000;
export const ANCHOR_NONCE = new TextEncoder().encode('laurel-test');
export const ANCHOR_HEADER: Uint8Array = hexToBytes(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'anchored-log', `block-${ANCHOR_HEIGHT}.header.hex`), 'utf8').trim());

/** An OpenTimestamps proof of `note`: its SHA-256, the nonce appended, hashed, then `attestation` (a calendar's pending one, or the block's). */
export function anchorProof(note: Uint8Array, attestation: Attestation): Uint8Array {
  const attested: Timestamp = { attestations: [attestation], branches: [] };
  const timestamp: Timestamp = { attestations: [], branches: [{ op: { kind: 'append', arg: ANCHOR_NONCE }, next: { attestations: [], branches: [{ op: { kind: 'sha256' }, next: attested }] } }] };
  return serializeDetachedTimestamp({ fileHashOp: { kind: 'sha256' }, digest: sha256(note), timestamp });
}

/**
 * A credential logged at entry 300, in a log of two builds (301, then `size` entries, 601 unless
 * said), whose first checkpoint is anchored in the synthetic block and whose second is pending
 * at `calendar`.
 */
export async function anchoredLog(credential: Json, { size = 601, calendar = 'https://alice.btc.calendar.opentimestamps.org' } = {}): Promise<{ log: ExtendedLog; anchored: Uint8Array; files: Map<string, Uint8Array> }> {
  const builds = [[...others(300), published(credential)], [...others(300), published(credential), ...others(size - 1).slice(300)]];
  const anchored = logOf(builds.slice(0, 1)).files.find((file) => file.path === 'checkpoint')!.bytes;
  const log = logOf(builds);
  const latest = log.files.find((file) => file.path === 'checkpoint')!.bytes;
  const files = new Map<string, Uint8Array>([
    [anchoredCheckpointPath(301), anchored],
    [anchorProofPath(301), anchorProof(anchored, { kind: 'bitcoin', height: ANCHOR_HEIGHT })],
    [blockHeaderPath(ANCHOR_HEIGHT), ANCHOR_HEADER],
    [anchoredCheckpointPath(size), latest],
    [anchorProofPath(size), anchorProof(latest, { kind: 'pending', uri: calendar })],
    [ANCHOR_INDEX_PATH, new TextEncoder().encode(anchorIndexJson([{ size: 301, bitcoin: ANCHOR_HEIGHT }, { size }]))],
  ]);
  return { log, anchored, files };
}
