/**
 * An 80-byte Bitcoin block header, read and checked, for the Bitcoin attestations of an
 * OpenTimestamps proof (./ots.ts). Pure. The layout is Bitcoin's consensus serialization
 * (developer.bitcoin.org/reference/block_chain.html#block-headers), all integers little-endian:
 *
 *   version u32 | previous block hash 32 | merkle root 32 | time u32 | bits u32 | nonce u32
 *
 * Hashes are kept in two orders: the internal one, as the bytes sit in the header and as
 * SHA-256d produces them, and the display one (byte-reversed hex) that explorers, `bitcoin-cli`
 * and every block page show. An OpenTimestamps commitment is compared in the internal order
 * (python-opentimestamps core/notary.py compares it to python-bitcoinlib's `hashMerkleRoot`, the
 * raw header bytes 36..68).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export const BLOCK_HEADER_BYTES = 80;

/**
 * Bitcoin Core's mainnet `powLimit` (kernel/chainparams.cpp): no valid block has an easier target.
 * A header whose bits claim more is refused, or a regtest header (bits 0x207fffff, found in a
 * couple of hashes) would pass for proof of work.
 */
export const MAINNET_POW_LIMIT = (1n << 224n) - 1n;

export interface BlockHeader {
  /** Signed, as Bitcoin Core's int32_t nVersion. */
  readonly version: number;
  /** Display hex (byte-reversed), as explorers show it. */
  readonly previousBlockHash: string;
  /** Display hex (byte-reversed), as explorers show it; `merkleRootBytes` holds the internal order. */
  readonly merkleRoot: string;
  /** Header bytes 36..68: what an OpenTimestamps Bitcoin attestation's commitment must equal. */
  readonly merkleRootBytes: Uint8Array;
  /** Unix seconds, as the miner wrote it (see `verifyBitcoinAttestation` for how far it can be trusted). */
  readonly time: number;
  /** The target in compact form. */
  readonly bits: number;
  readonly nonce: number;
  /** The block hash, display hex: SHA-256d of the 80 bytes, byte-reversed. */
  readonly hash: string;
  /** The target of `bits` is valid for mainnet and the hash, read as a number, is at most that target. */
  readonly meetsTarget: boolean;
}

function u32le(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0;
}

function reversedHex(bytes: Uint8Array): string {
  return bytesToHex(bytes.slice().reverse());
}

/**
 * The target of compact `bits`, as Bitcoin Core's arith_uint256::SetCompact decodes it, or
 * undefined when Core's CheckProofOfWork refuses it: negative, overflowing 256 bits, zero, or
 * easier than the mainnet limit.
 */
export function targetFromBits(bits: number): bigint | undefined {
  const exponent = bits >>> 24;
  const mantissa = bits & 0x007fffff;
  const negative = mantissa !== 0 && (bits & 0x00800000) !== 0;
  const overflow = mantissa !== 0 && (exponent > 34 || (mantissa > 0xff && exponent > 33) || (mantissa > 0xffff && exponent > 32));
  if (negative || overflow) return undefined;
  const target = exponent <= 3 ? BigInt(mantissa >>> (8 * (3 - exponent))) : BigInt(mantissa) << BigInt(8 * (exponent - 3));
  return target === 0n || target > MAINNET_POW_LIMIT ? undefined : target;
}

/** The header's fields, its hash and whether it meets its own target; undefined unless it is 80 bytes. */
export function readBlockHeader(bytes: Uint8Array): BlockHeader | undefined {
  if (bytes.length !== BLOCK_HEADER_BYTES) return undefined;
  const hashBytes = sha256(sha256(bytes));
  const hash = reversedHex(hashBytes);
  const bits = u32le(bytes, 72);
  const target = targetFromBits(bits);
  const merkleRootBytes = bytes.slice(36, 68);
  return {
    version: u32le(bytes, 0) | 0,
    previousBlockHash: reversedHex(bytes.subarray(4, 36)),
    merkleRoot: reversedHex(merkleRootBytes),
    merkleRootBytes,
    time: u32le(bytes, 68),
    bits,
    nonce: u32le(bytes, 76),
    hash,
    // The hash is compared as a little-endian number, which is its display hex read big-endian.
    meetsTarget: target !== undefined && BigInt(`0x${hash}`) <= target,
  };
}

export type BitcoinAttestationResult = { readonly ok: true; readonly time: Date; readonly blockHash: string } | { readonly ok: false; readonly reason: string };

/**
 * Whether `header` is the block a Bitcoin attestation names, for the commitment the proof reaches
 * at that attestation (./ots.ts `attestationsOf`), as python-opentimestamps'
 * BitcoinBlockHeaderAttestation.verify_against_blockheader checks it, plus proof of work.
 *
 * What a match proves: the commitment is the header's merkle root, so the timestamped data is
 * committed to by a transaction of that block, and existed when the block was mined. The header
 * meeting its own target means someone spent the work that target demands on it.
 *
 * What it does not prove: that the header is the block at the attestation's height in the chain
 * everyone follows. A header carries no height, and proof of work alone is cheap at low
 * difficulty (about 2^32 hashes at the mainnet limit, seconds on one GPU), so the header must
 * come from a source that confirms its place: a node (`getblockhash <height>`), or an explorer's
 * header for that height whose hash the caller compares with `blockHash`. The real difficulty
 * then makes a forged block at that height cost what mining it would.
 *
 * The time is the miner's: consensus only holds it above the median of the 11 blocks before
 * and under two hours ahead of the nodes' clocks, so it is a date "as of", give or take hours.
 */
export function verifyBitcoinAttestation(commitment: Uint8Array, header: Uint8Array): BitcoinAttestationResult {
  const read = readBlockHeader(header);
  if (read === undefined) return { ok: false, reason: `A block header is ${BLOCK_HEADER_BYTES} bytes, not ${header.length}.` };
  if (commitment.length !== 32) return { ok: false, reason: `A Bitcoin attestation commits to 32 bytes, not ${commitment.length}.` };
  if (!equalBytes(commitment, read.merkleRootBytes)) return { ok: false, reason: `The proof's commitment is not the merkle root of block ${read.hash}.` };
  if (!read.meetsTarget) return { ok: false, reason: `Block header ${read.hash} does not meet its proof-of-work target.` };
  return { ok: true, time: new Date(read.time * 1000), blockHash: read.hash };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}
