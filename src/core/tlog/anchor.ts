/**
 * Anchors: the log's checkpoints timestamped in Bitcoin with OpenTimestamps, so that when an
 * entry was logged rests on more than the issuer's clock. Each anchor is three files under the
 * log's prefix, beside the tiles:
 *
 * - `anchors/<N>.checkpoint`: the log's signed checkpoint of N entries, byte for byte;
 * - `anchors/<N>.checkpoint.ots`: its OpenTimestamps proof (the SHA-256 of that file, committed
 *   by calendar servers into a Bitcoin transaction), pending until a block confirms it;
 * - `anchors/blocks/<height>.header`: the 80-byte header of the block the proof names;
 *
 * and `anchors/index.json` lists them, since a static host cannot list a folder:
 * `{"anchors": [{"size": N, "bitcoin": height}, {"size": M}]}`, pending ones without a height.
 *
 * An anchor proves that the checkpoint, and so every entry below N, existed when that block was
 * mined: an entry cannot have been slipped in later with an earlier date. What it rests on is the
 * header: its proof of work is checked here, its place in the chain (that block height has that
 * hash) by anyone with a block explorer or a node. Pure: the caller fetches and writes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { MAX_ANCHORS_LISTED } from '../limits.ts';
import { readBlockHeader, verifyBitcoinAttestation } from '../timestamp/bitcoin.ts';
import { attestationsOf, parseDetachedTimestamp } from '../timestamp/ots.ts';
import { openCheckpoint, type Checkpoint } from './checkpoint.ts';

export const ANCHOR_INDEX_PATH = 'anchors/index.json';


export const anchoredCheckpointPath = (size: number): string => `anchors/${size}.checkpoint`;
export const anchorProofPath = (size: number): string => `anchors/${size}.checkpoint.ots`;
export const blockHeaderPath = (height: number): string => `anchors/blocks/${height}.header`;

/** The size an `anchors/<N>.checkpoint` path names, or undefined for another file. */
export function anchoredSize(path: string): number | undefined {
  const match = /^anchors\/([1-9]\d{0,15})\.checkpoint$/.exec(path);
  return match ? Number(match[1]) : undefined;
}

export interface AnchorListing {
  readonly size: number;
  /** The Bitcoin block height the proof is complete in; absent while it is pending. */
  readonly bitcoin?: number;
}

/** The anchors `anchors/index.json` lists, sorted by size; undefined when it is not such a list. */
export function readAnchorIndex(text: string): AnchorListing[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const list = typeof value === 'object' && value !== null ? (value as { anchors?: unknown }).anchors : undefined;
  if (!Array.isArray(list) || list.length > MAX_ANCHORS_LISTED) return undefined;
  const anchors: AnchorListing[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { size, bitcoin } = item as { size?: unknown; bitcoin?: unknown };
    if (!Number.isSafeInteger(size) || (size as number) < 1) return undefined;
    if (bitcoin !== undefined && (!Number.isSafeInteger(bitcoin) || (bitcoin as number) < 0)) return undefined;
    anchors.push(bitcoin === undefined ? { size: size as number } : { size: size as number, bitcoin: bitcoin as number });
  }
  return anchors.sort((a, b) => a.size - b.size);
}

export function anchorIndexJson(anchors: readonly AnchorListing[]): string {
  const sorted = [...anchors].sort((a, b) => a.size - b.size).map((anchor) => (anchor.bitcoin === undefined ? { size: anchor.size } : { size: anchor.size, bitcoin: anchor.bitcoin }));
  return `${JSON.stringify({ anchors: sorted })}\n`;
}

export interface BitcoinAnchor {
  readonly height: number;
  /** The block's time, from its header (miners set it within about two hours of the truth). */
  readonly time: string;
  /** The block's hash, as explorers show it: look it up to confirm the block is in the chain. */
  readonly blockHash: string;
}

export type AnchorCheck =
  | { readonly ok: true; readonly checkpoint: Checkpoint; readonly bitcoin: BitcoinAnchor }
  | { readonly ok: false; readonly problem: AnchorProblem; readonly reason?: string };

export type AnchorProblem = 'checkpoint-not-signed' | 'wrong-size' | 'proof-unreadable' | 'proof-of-other-file' | 'no-bitcoin-attestation' | 'header-mismatch';

/**
 * Checks one anchor: the checkpoint opens with one of the issuer's keys and is of `size` entries;
 * the proof is of that file's SHA-256; one of its Bitcoin attestations, at `height`, commits to
 * the header's Merkle root, and the header meets its proof-of-work target (../timestamp/bitcoin.ts).
 */
export function checkAnchor(input: { readonly note: Uint8Array; readonly size: number; readonly origin: string; readonly keys: readonly Uint8Array[]; readonly proof: Uint8Array; readonly height: number; readonly header: Uint8Array }): AnchorCheck {
  const text = new TextDecoder().decode(input.note);
  const checkpoint = input.keys.map((key) => openCheckpoint(text, input.origin, key)).find((opened) => opened !== undefined);
  if (!checkpoint) return { ok: false, problem: 'checkpoint-not-signed' };
  if (checkpoint.size !== input.size) return { ok: false, problem: 'wrong-size' };
  const parsed = parseDetachedTimestamp(input.proof);
  if (!parsed.ok) return { ok: false, problem: 'proof-unreadable', reason: parsed.reason };
  const { value } = parsed;
  // OpenTimestamps §detached timestamps: the proof starts from the file's digest.
  if (value.fileHashOp.kind !== 'sha256' || bytesToHex(value.digest) !== bytesToHex(sha256(input.note))) return { ok: false, problem: 'proof-of-other-file' };
  const attested = attestationsOf(value.timestamp, value.digest).filter(({ attestation }) => attestation.kind === 'bitcoin' && attestation.height === input.height);
  if (attested.length === 0) return { ok: false, problem: 'no-bitcoin-attestation' };
  const header = readBlockHeader(input.header);
  let reason: string | undefined;
  for (const { commitment } of attested) {
    const verified = verifyBitcoinAttestation(commitment, input.header);
    if (verified.ok && header) return { ok: true, checkpoint, bitcoin: { height: input.height, time: verified.time.toISOString(), blockHash: verified.blockHash } };
    if (!verified.ok) reason = verified.reason;
  }
  return { ok: false, problem: 'header-mismatch', ...(reason === undefined ? {} : { reason }) };
}
