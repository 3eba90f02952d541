/**
 * OpenTimestamps proofs (.ots): read, written, walked and upgraded, byte for byte as the
 * reference implementation python-opentimestamps does (opentimestamps/core/{timestamp,op,notary,
 * serialize}.py and core/dubious/notary.py at 3af46432; the format has no other specification).
 * Pure, for the build and the browser alike; a Bitcoin attestation is checked against its block
 * header by ./bitcoin.ts.
 *
 * A timestamp is a tree. Each node stands for a message (the node's bytes are never stored: they
 * follow from the start message and the ops on the way), holds the attestations that commit to
 * it, and branches into ops (hashes, append, prepend…) that lead to the next messages:
 *
 *   detached file = magic | major version 1 | file hash op | file digest | timestamp   (then EOF)
 *   timestamp     = (0xff item)* item                (every item but the last is marked 0xff)
 *   item          = 0x00 attestation | op tag [varbytes arg] timestamp-of-op(message)
 *   attestation   = tag (8 bytes) | varbytes payload
 *
 * Integers are unsigned LEB128 (varuint); varbytes are a varuint length then the bytes.
 *
 * Reading applies every op as it goes, held to the reference's limits below, so the work is
 * bounded by the input: each op takes at least a byte of it and hashes at most 4 KiB, and a path
 * is at most 255 ops deep. A caller still bounds what it reads (a calendar's answer to
 * MAX_CALENDAR_RESPONSE_BYTES, as the reference client does).
 */
import { ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';

// The limits of the reference, so that a hostile proof is refused in bounded time and memory.

/** core/timestamp.py Timestamp.deserialize: how many ops deep a path may go (255 ops; a node at depth 256 is refused). */
export const MAX_DEPTH = 256;
/** core/op.py Op.MAX_MSG_LENGTH and MAX_RESULT_LENGTH: no message or op result is longer. */
export const MAX_MESSAGE_BYTES = 4096;
/** core/op.py OpHexlify.MAX_MSG_LENGTH: half the result limit, as hexlify doubles its input. */
export const MAX_HEXLIFY_BYTES = MAX_MESSAGE_BYTES / 2;
/** core/notary.py TimeAttestation.MAX_PAYLOAD_SIZE. */
export const MAX_ATTESTATION_PAYLOAD_BYTES = 8192;
/** core/notary.py PendingAttestation.MAX_URI_LENGTH. */
export const MAX_URI_LENGTH = 1000;
/** opentimestamps/calendar.py: the most a client reads of a calendar's answer. */
export const MAX_CALENDAR_RESPONSE_BYTES = 10_000;

/**
 * core/timestamp.py DetachedTimestampFile.HEADER_MAGIC: "\0OpenTimestamps\0\0Proof\0" and eight
 * bytes that make `file` call it data.
 */
export const HEADER_MAGIC = hexToBytes('004f70656e54696d657374616d7073000050726f6f6600bf89e2e884e89294');
export const MAJOR_VERSION = 1;

/** core/op.py: the ops, tags from RFC 4880 for the hashes. keccak256 is Ethereum's Keccak-256, not SHA3-256. */
export type HashOp = { readonly kind: 'sha1' } | { readonly kind: 'ripemd160' } | { readonly kind: 'sha256' } | { readonly kind: 'keccak256' };
export type Op = HashOp | { readonly kind: 'append'; readonly arg: Uint8Array } | { readonly kind: 'prepend'; readonly arg: Uint8Array } | { readonly kind: 'reverse' } | { readonly kind: 'hexlify' };

const HASHES = {
  sha1: { tag: 0x02, digestBytes: 20, hash: sha1 },
  ripemd160: { tag: 0x03, digestBytes: 20, hash: ripemd160 },
  sha256: { tag: 0x08, digestBytes: 32, hash: sha256 },
  keccak256: { tag: 0x67, digestBytes: 32, hash: keccak_256 },
} as const;
const OP_TAGS: Readonly<Record<Op['kind'], number>> = { sha1: 0x02, ripemd160: 0x03, sha256: 0x08, keccak256: 0x67, append: 0xf0, prepend: 0xf1, reverse: 0xf2, hexlify: 0xf3 };
const OP_BY_TAG = new Map<number, Op['kind']>(Object.entries(OP_TAGS).map(([kind, tag]) => [tag, kind as Op['kind']]));

/**
 * core/notary.py and core/dubious/notary.py. Bitcoin, Litecoin and Ethereum name a block by its
 * height; pending names the calendar that will upgrade the proof; any other tag is kept as it
 * came, so a proof with notaries unknown here still reads, merges and writes back unchanged.
 */
export type Attestation =
  | { readonly kind: 'pending'; readonly uri: string }
  | { readonly kind: 'bitcoin' | 'litecoin' | 'ethereum'; readonly height: number }
  | { readonly kind: 'unknown'; readonly tag: Uint8Array; readonly payload: Uint8Array };

const ATTESTATION_TAGS = {
  pending: hexToBytes('83dfe30d2ef90c8e'),
  bitcoin: hexToBytes('0588960d73d71901'),
  litecoin: hexToBytes('06869a0d73d71b45'),
  ethereum: hexToBytes('30fe8087b5c7ead7'),
} as const;
const ATTESTATION_TAG_SIZE = 8;
/** core/notary.py PendingAttestation.ALLOWED_URI_CHARS: no query, fragment, percent-escape, login or IPv6 literal. */
const URI_CHARS = /^[A-Za-z0-9\-._/:]*$/;

export interface Timestamp {
  readonly attestations: readonly Attestation[];
  readonly branches: readonly Branch[];
}

export interface Branch {
  readonly op: Op;
  readonly next: Timestamp;
}

export interface DetachedTimestamp {
  readonly fileHashOp: HashOp;
  /** The file's digest by `fileHashOp`: the message the timestamp starts from. */
  readonly digest: Uint8Array;
  readonly timestamp: Timestamp;
}

export type OtsResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

// ----- Ops -----

/** Why `op` cannot apply to `message` under the reference limits (core/op.py Op.__call__), or its result. */
function opResult(op: Op, message: Uint8Array): Uint8Array | string {
  const limit = op.kind === 'hexlify' ? MAX_HEXLIFY_BYTES : MAX_MESSAGE_BYTES;
  if (message.length > limit) return `${op.kind} of a message of ${message.length} bytes, over the limit of ${limit}`;
  // core/op.py BinaryOp: an empty argument would leave the message as it was, a loop in the graph.
  if ('arg' in op && op.arg.length === 0) return `${op.kind} of an empty argument`;
  let result: Uint8Array;
  switch (op.kind) {
    case 'append':
      result = concatBytes(message, op.arg);
      break;
    case 'prepend':
      result = concatBytes(op.arg, message);
      break;
    case 'reverse':
    case 'hexlify':
      // core/op.py: neither may be applied to an empty message (its result would be empty too).
      if (message.length === 0) return `${op.kind} of an empty message`;
      result = op.kind === 'reverse' ? message.slice().reverse() : new TextEncoder().encode(bytesToHex(message));
      break;
    default:
      result = HASHES[op.kind].hash(message);
  }
  if (result.length > MAX_MESSAGE_BYTES) return `${op.kind} result of ${result.length} bytes, over the limit of ${MAX_MESSAGE_BYTES}`;
  return result;
}

/** The op applied to `message`; a RangeError when the message or result is outside the reference limits (a parsed proof never is). */
export function applyOp(op: Op, message: Uint8Array): Uint8Array {
  const result = opResult(op, message);
  if (typeof result === 'string') throw new RangeError(`OpenTimestamps: ${result}`);
  return result;
}

/** core/op.py Op.__lt__: by tag, then by argument (bytes compared as Python compares them). */
function compareOps(a: Op, b: Op): number {
  const byTag = OP_TAGS[a.kind] - OP_TAGS[b.kind];
  if (byTag !== 0) return byTag;
  return 'arg' in a && 'arg' in b ? compareBytes(a.arg, b.arg) : 0;
}

function opKey(op: Op): string {
  return 'arg' in op ? `${op.kind}:${bytesToHex(op.arg)}` : op.kind;
}

// ----- Attestations -----

function attestationTag(attestation: Attestation): Uint8Array {
  return attestation.kind === 'unknown' ? attestation.tag : ATTESTATION_TAGS[attestation.kind];
}

function attestationPayload(attestation: Attestation): Uint8Array {
  switch (attestation.kind) {
    case 'pending': {
      const uri = new TextEncoder().encode(attestation.uri);
      return concatBytes(encodeVaruint(uri.length), uri);
    }
    case 'unknown':
      return attestation.payload;
    default:
      return encodeVaruint(attestation.height);
  }
}

/**
 * core/notary.py __lt__: by tag across notaries; within one, pending by URI, the chains by
 * height, unknown by payload. The serializer writes attestations in this order.
 */
function compareAttestations(a: Attestation, b: Attestation): number {
  const byTag = compareBytes(attestationTag(a), attestationTag(b));
  if (byTag !== 0) return byTag;
  if (a.kind === 'pending' && b.kind === 'pending') return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
  if ('height' in a && 'height' in b) return a.height - b.height;
  return compareBytes(attestationPayload(a), attestationPayload(b));
}

/** Attestations are a set in the reference: two are the same when they serialize the same. */
function attestationKey(attestation: Attestation): string {
  return `${bytesToHex(attestationTag(attestation))}:${bytesToHex(attestationPayload(attestation))}`;
}

/** Why the reference would not write this attestation, if it would not. */
function attestationProblem(attestation: Attestation): string | undefined {
  switch (attestation.kind) {
    case 'pending':
      return attestation.uri.length > MAX_URI_LENGTH || !URI_CHARS.test(attestation.uri) ? `"${attestation.uri}" is not a calendar URI` : undefined;
    case 'unknown':
      if (attestation.tag.length !== ATTESTATION_TAG_SIZE) return `an attestation tag is ${ATTESTATION_TAG_SIZE} bytes, not ${attestation.tag.length}`;
      return attestation.payload.length > MAX_ATTESTATION_PAYLOAD_BYTES ? `an attestation payload of ${attestation.payload.length} bytes is over ${MAX_ATTESTATION_PAYLOAD_BYTES}` : undefined;
    default:
      return Number.isSafeInteger(attestation.height) && attestation.height >= 0 ? undefined : `${attestation.height} is not a block height`;
  }
}

// ----- Canonical trees -----

/**
 * A node as the reference holds it, whatever order or repeats it came with: attestations a set,
 * ops a map (a repeated op keeps its last branch, as core/timestamp.py `self.ops[op] = stamp`
 * does), both sorted as `Timestamp.serialize` writes them.
 */
function canonicalNode(attestations: readonly Attestation[], branches: readonly Branch[]): Timestamp {
  // Most nodes of a proof hold one item: nothing to sort.
  if (attestations.length <= 1 && branches.length <= 1) return { attestations, branches };
  const uniqueAttestations = new Map<string, Attestation>();
  for (const attestation of attestations) {
    const key = attestationKey(attestation);
    if (!uniqueAttestations.has(key)) uniqueAttestations.set(key, attestation);
  }
  const uniqueBranches = new Map<string, Branch>();
  for (const branch of branches) uniqueBranches.set(opKey(branch.op), branch);
  return {
    attestations: [...uniqueAttestations.values()].sort(compareAttestations),
    branches: [...uniqueBranches.values()].sort((a, b) => compareOps(a.op, b.op)),
  };
}

/**
 * core/timestamp.py Timestamp.merge: `b`'s attestations and branches added to `a`'s, branch by
 * branch where both have the same op. Both must be timestamps of the same message (the tree does
 * not hold it to check). `a` and `b` are left as they are.
 */
export function mergeTimestamps(a: Timestamp, b: Timestamp): Timestamp {
  const branches = new Map<string, Branch>(a.branches.map((branch) => [opKey(branch.op), branch]));
  for (const branch of b.branches) {
    const ours = branches.get(opKey(branch.op));
    branches.set(opKey(branch.op), ours === undefined ? branch : { op: ours.op, next: mergeTimestamps(ours.next, branch.next) });
  }
  return canonicalNode([...a.attestations, ...b.attestations], [...branches.values()]);
}

// ----- Reading -----

class Malformed extends Error {}

class Reader {
  readonly bytes: Uint8Array;
  offset = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  byte(): number {
    if (this.offset >= this.bytes.length) throw new Malformed('the proof is truncated');
    return this.bytes[this.offset++]!;
  }

  take(length: number): Uint8Array {
    if (length > this.bytes.length - this.offset) throw new Malformed('the proof is truncated');
    this.offset += length;
    return this.bytes.slice(this.offset - length, this.offset);
  }

  /** core/serialize.py read_varuint, held to safe integers (the reference has no bound; no real length or height comes near). */
  varuint(): number {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = this.byte();
      if ((byte & 0x7f) !== 0) value += (byte & 0x7f) * scale;
      if (value > Number.MAX_SAFE_INTEGER) throw new Malformed('a number in the proof is too large');
      if ((byte & 0x80) === 0) return value;
    }
  }

  /** core/serialize.py read_varbytes. */
  varbytes(max: number, min = 0): Uint8Array {
    const length = this.varuint();
    if (length > max) throw new Malformed(`a field of ${length} bytes is over its limit of ${max}`);
    if (length < min) throw new Malformed(`a field of ${length} bytes is under its minimum of ${min}`);
    return this.take(length);
  }

  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

/** core/notary.py TimeAttestation.deserialize. */
function readAttestation(reader: Reader): Attestation {
  const tag = reader.take(ATTESTATION_TAG_SIZE);
  const payload = reader.varbytes(MAX_ATTESTATION_PAYLOAD_BYTES);
  const kind = (Object.keys(ATTESTATION_TAGS) as (keyof typeof ATTESTATION_TAGS)[]).find((name) => equalBytes(ATTESTATION_TAGS[name], tag));
  if (kind === undefined) return { kind: 'unknown', tag, payload };
  const inner = new Reader(payload);
  let attestation: Attestation;
  if (kind === 'pending') {
    const uri = inner.varbytes(MAX_URI_LENGTH);
    // Only these ASCII characters are allowed, so the bytes are the string.
    const text = String.fromCharCode(...uri);
    if (!URI_CHARS.test(text)) throw new Malformed(`the pending attestation's URI "${text.replace(/[^\x20-\x7e]/g, '?')}" has a character a calendar URI may not`);
    attestation = { kind, uri: text };
  } else {
    attestation = { kind, height: inner.varuint() };
  }
  // A known attestation that wants room for more fields must say so: extra bytes are refused.
  if (!inner.done) throw new Malformed(`the ${kind} attestation has bytes after its payload`);
  return attestation;
}

/** core/op.py Op.deserialize_from_tag. */
function readOp(reader: Reader, tag: number): Op {
  const kind = OP_BY_TAG.get(tag);
  if (kind === undefined) throw new Malformed(`0x${tag.toString(16).padStart(2, '0')} is not an op`);
  if (kind === 'append' || kind === 'prepend') return { kind, arg: reader.varbytes(MAX_MESSAGE_BYTES, 1) };
  return { kind };
}

/** core/timestamp.py Timestamp.deserialize: the node for `message`, every op applied as it is read. */
function readTimestamp(reader: Reader, message: Uint8Array, depth: number): Timestamp {
  if (depth >= MAX_DEPTH) throw new Malformed(`the proof is more than ${MAX_DEPTH - 1} ops deep`);
  if (message.length > MAX_MESSAGE_BYTES) throw new Malformed(`a message of ${message.length} bytes, over the limit of ${MAX_MESSAGE_BYTES}`);
  const attestations: Attestation[] = [];
  const branches: Branch[] = [];
  const readItem = (tag: number) => {
    if (tag === 0x00) {
      attestations.push(readAttestation(reader));
      return;
    }
    const op = readOp(reader, tag);
    const result = opResult(op, message);
    if (typeof result === 'string') throw new Malformed(result);
    branches.push({ op, next: readTimestamp(reader, result, depth + 1) });
  };
  let tag = reader.byte();
  while (tag === 0xff) {
    readItem(reader.byte());
    tag = reader.byte();
  }
  readItem(tag);
  return canonicalNode(attestations, branches);
}

function parse<T>(read: () => T): OtsResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, reason: error.message };
    throw error;
  }
}

/**
 * core/timestamp.py DetachedTimestampFile.deserialize: a whole .ots file, with nothing after it.
 * Never throws; a file the reference refuses is refused with the reason.
 */
export function parseDetachedTimestamp(bytes: Uint8Array): OtsResult<DetachedTimestamp> {
  return parse(() => {
    const reader = new Reader(bytes);
    if (bytes.length < HEADER_MAGIC.length || !equalBytes(reader.take(HEADER_MAGIC.length), HEADER_MAGIC)) throw new Malformed('this is not an OpenTimestamps proof (no magic header)');
    const major = reader.byte();
    if (major !== MAJOR_VERSION) throw new Malformed(`version ${major} proofs are not supported, only version ${MAJOR_VERSION}`);
    const hashTag = reader.byte();
    // CryptOp.deserialize: a hash (keccak256 included, as the reference registers it a CryptOp).
    const hashKind = (Object.keys(HASHES) as HashOp['kind'][]).find((kind) => HASHES[kind].tag === hashTag);
    if (hashKind === undefined) throw new Malformed(`0x${hashTag.toString(16).padStart(2, '0')} is not a hash a file can be timestamped by`);
    const digest = reader.take(HASHES[hashKind].digestBytes);
    const timestamp = readTimestamp(reader, digest, 0);
    if (!reader.done) throw new Malformed('the proof has bytes after its end');
    return { fileHashOp: { kind: hashKind }, digest, timestamp };
  });
}

/**
 * core/timestamp.py Timestamp.deserialize: a bare timestamp of `message`, as a calendar answers
 * `POST /digest` and `GET /timestamp/<commitment>`. Unlike the reference's calendar client, bytes
 * after the timestamp are refused rather than ignored. Never throws.
 */
export function parseTimestamp(bytes: Uint8Array, message: Uint8Array): OtsResult<Timestamp> {
  return parse(() => {
    const reader = new Reader(bytes);
    const timestamp = readTimestamp(reader, message, 0);
    if (!reader.done) throw new Malformed('the timestamp has bytes after its end');
    return timestamp;
  });
}

// ----- Writing -----

/** core/serialize.py write_varuint: unsigned LEB128, 7 bits a byte, least significant first; 0 is one byte. */
export function encodeVaruint(value: number): Uint8Array {
  const out: number[] = [];
  do {
    const low = value % 128;
    value = Math.floor(value / 128);
    out.push(value > 0 ? low | 0x80 : low);
  } while (value > 0);
  return Uint8Array.from(out);
}

function writeAttestation(out: Uint8Array[], attestation: Attestation): void {
  const problem = attestationProblem(attestation);
  if (problem !== undefined) throw new RangeError(`OpenTimestamps: ${problem}`);
  const payload = attestationPayload(attestation);
  out.push(Uint8Array.of(0x00), attestationTag(attestation), encodeVaruint(payload.length), payload);
}

function writeOp(out: Uint8Array[], op: Op): void {
  out.push(Uint8Array.of(OP_TAGS[op.kind]));
  if ('arg' in op) {
    if (op.arg.length < 1 || op.arg.length > MAX_MESSAGE_BYTES) throw new RangeError(`OpenTimestamps: an ${op.kind} argument is 1 to ${MAX_MESSAGE_BYTES} bytes, not ${op.arg.length}`);
    out.push(encodeVaruint(op.arg.length), op.arg);
  }
}

/** core/timestamp.py Timestamp.serialize: attestations first, then ops, each sorted; every item but the last marked 0xff. */
function writeTimestamp(out: Uint8Array[], node: Timestamp, depth: number): void {
  if (depth >= MAX_DEPTH) throw new RangeError(`OpenTimestamps: a timestamp is at most ${MAX_DEPTH - 1} ops deep`);
  const { attestations, branches } = canonicalNode(node.attestations, node.branches);
  const items = attestations.length + branches.length;
  if (items === 0) throw new RangeError('OpenTimestamps: an empty timestamp cannot be written');
  let written = 0;
  const mark = () => {
    written += 1;
    if (written < items) out.push(Uint8Array.of(0xff));
  };
  for (const attestation of attestations) {
    mark();
    writeAttestation(out, attestation);
  }
  for (const branch of branches) {
    mark();
    writeOp(out, branch.op);
    writeTimestamp(out, branch.next, depth + 1);
  }
}

/**
 * The bytes of a bare timestamp, in the reference's order, so that every proof it wrote reads
 * and writes back byte for byte. A RangeError for a tree the reference could not read back: an
 * empty node, an op argument or attestation outside its limits, a path deeper than MAX_DEPTH
 * (messages are not checked here: the tree does not hold them).
 */
export function serializeTimestamp(timestamp: Timestamp): Uint8Array {
  const out: Uint8Array[] = [];
  writeTimestamp(out, timestamp, 0);
  return concatBytes(...out);
}

/** core/timestamp.py DetachedTimestampFile.serialize: a whole .ots file. */
export function serializeDetachedTimestamp(value: DetachedTimestamp): Uint8Array {
  const { digestBytes, tag } = HASHES[value.fileHashOp.kind];
  if (value.digest.length !== digestBytes) throw new RangeError(`OpenTimestamps: a ${value.fileHashOp.kind} digest is ${digestBytes} bytes, not ${value.digest.length}`);
  return concatBytes(HEADER_MAGIC, Uint8Array.of(MAJOR_VERSION, tag), value.digest, serializeTimestamp(value.timestamp));
}

/** The digest a detached proof of this file must hold: the file hashed by the proof's file hash op. */
export function hashFile(fileHashOp: HashOp, file: Uint8Array): Uint8Array {
  return HASHES[fileHashOp.kind].hash(file);
}

// ----- Walking and upgrading -----

export interface CommittedAttestation {
  readonly attestation: Attestation;
  /** The message at the attestation's node: what the notary attests, e.g. a Bitcoin block's merkle root. */
  readonly commitment: Uint8Array;
}

/** core/timestamp.py Timestamp.all_attestations: every attestation, with the message at its node, walking from `message`. */
export function attestationsOf(timestamp: Timestamp, message: Uint8Array): CommittedAttestation[] {
  const found: CommittedAttestation[] = [];
  const walk = (node: Timestamp, at: Uint8Array) => {
    for (const attestation of node.attestations) found.push({ attestation, commitment: at });
    for (const branch of node.branches) walk(branch.next, applyOp(branch.op, at));
  };
  walk(timestamp, message);
  return found;
}

/**
 * otsclient is_timestamp_complete: the proof can be verified without a calendar, for it holds a
 * Bitcoin attestation (which still has to be checked against its block, ./bitcoin.ts).
 */
export function isComplete(timestamp: Timestamp): boolean {
  return timestamp.attestations.some((attestation) => attestation.kind === 'bitcoin') || timestamp.branches.some((branch) => isComplete(branch.next));
}

export interface PendingCommitment {
  /** The calendar, as the proof names it. It comes from the proof: a client asks only calendars it trusts (the reference keeps a whitelist). */
  readonly uri: string;
  /** The message at the pending attestation's node: what the calendar committed to and will answer for. */
  readonly commitment: Uint8Array;
}

/**
 * The calendars a client asks to upgrade this proof, and for what (otsclient cmds.py
 * upgrade_timestamp: `calendar.get_timestamp(sub_stamp.msg)`), each (URI, commitment) once.
 * The reference stops asking once the proof is complete (`isComplete`).
 */
export function pendingCommitments(timestamp: Timestamp, message: Uint8Array): PendingCommitment[] {
  const seen = new Map<string, PendingCommitment>();
  for (const { attestation, commitment } of attestationsOf(timestamp, message)) {
    if (attestation.kind !== 'pending') continue;
    const key = `${attestation.uri} ${bytesToHex(commitment)}`;
    if (!seen.has(key)) seen.set(key, { uri: attestation.uri, commitment });
  }
  return [...seen.values()];
}

/**
 * Where a calendar answers for a commitment: opentimestamps/calendar.py get_timestamp,
 * `urljoin(uri, 'timestamp/' + hex)`, which for a calendar URI with no path (all of them) is
 * `<uri>/timestamp/<hex>`, as javascript-opentimestamps builds it too.
 */
export function calendarTimestampUrl(uri: string, commitment: Uint8Array): string {
  return `${uri.replace(/\/+$/, '')}/timestamp/${bytesToHex(commitment)}`;
}

/**
 * The upgrade (otsclient upgrade_timestamp, `sub_stamp.merge(upgraded_stamp)`): a calendar's
 * answer for `commitment`, a bare timestamp starting from it (`parseTimestamp(answer,
 * commitment)`), merged into every node of `timestamp` whose message is `commitment`, walking
 * from `message`. The pending attestation stays, as the reference leaves it; a proof where no node
 * has that message comes back unchanged.
 */
export function mergeAtCommitment(timestamp: Timestamp, message: Uint8Array, commitment: Uint8Array, answer: Timestamp): Timestamp {
  const walk = (node: Timestamp, at: Uint8Array): Timestamp => {
    const branches = node.branches.map((branch) => ({ op: branch.op, next: walk(branch.next, applyOp(branch.op, at)) }));
    const here: Timestamp = { attestations: node.attestations, branches };
    return equalBytes(at, commitment) ? mergeTimestamps(here, answer) : here;
  };
  return walk(timestamp, message);
}

// ----- Bytes -----

/** Python's bytes order: the first differing byte decides, and a prefix comes first. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) if (a[index] !== b[index]) return a[index]! - b[index]!;
  return a.length - b.length;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return compareBytes(a, b) === 0;
}
