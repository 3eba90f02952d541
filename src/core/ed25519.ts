/**
 * Ed25519 (RFC 8032 §5.1.6 and §5.1.7) for proofs, with @noble/ed25519's rules (ZIP-215 for
 * verification, as its `verify` applies them by default) and @noble/ed25519's arithmetic, step
 * for step as its `sign` and `verify` (index.js `_sign`, `_verify`), with what one key always
 * gives the same kept instead of computed again.
 *
 * Signing: noble derives the expanded secret key (SHA-512 of the seed, and the public key
 * [s]B) for every signature; a build signs every credential with one key, so the expanded key is
 * kept per seed. The signature is noble's, byte for byte: Ed25519 is deterministic.
 *
 * Verifying: noble multiplies the public key A by the challenge k with double-and-add, about
 * 250 doublings and 125 additions, most of a verification. The credentials of one issuer all name
 * the same key, so this module keeps, per key, the table of its multiples d·16^i·A (d = 1…15,
 * i = 0…63) and sums 64 entries of it instead. Building a table costs about three of noble's
 * verifications, and every later verification with that key is three times faster, so a key
 * gets its table when it comes back: the first verification with a key is noble's own (a page
 * that checks one credential pays nothing more). The product is the same group element either
 * way, so the verdict is noble's.
 */
import { Point, utils } from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { signBytes, verifyBytes } from './multikey.ts';

/** RFC 8032 §5.1: the order L of the prime-order subgroup (noble's N). */
const L = 0x1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3edn;
const WINDOWS = 64;
const DIGITS = 16;
/** Keys whose tables are kept: a build or a verifier sees a few issuers. */
const TABLES_KEPT = 8;

interface KeyTable {
  readonly key: Point;
  /** rows[i][d - 1] = d·16^i·A. */
  readonly rows: readonly (readonly Point[])[];
}

const tables = new Map<string, KeyTable>();
/** Keys verified once, which get a table the next time. */
const seen = new Set<string>();

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function littleEndian(bytes: Uint8Array): bigint {
  return BigInt(`0x${hex(Uint8Array.from(bytes).reverse()) || '0'}`);
}

/** The key's table, or undefined the first time the key is seen. */
function tableFor(publicKey: Uint8Array): KeyTable | undefined {
  const id = hex(publicKey);
  const known = tables.get(id);
  if (known) return known;
  if (!seen.has(id)) {
    if (seen.size >= 4 * TABLES_KEPT) seen.clear();
    seen.add(id);
    return undefined;
  }
  // noble's decoding of A, with ZIP-215's acceptance of non-canonical encodings; throws as it does.
  const key = Point.fromBytes(publicKey, true);
  const rows: Point[][] = [];
  let base = key;
  for (let window = 0; window < WINDOWS; window += 1) {
    const row = [base];
    for (let digit = 2; digit < DIGITS; digit += 1) row.push(row[row.length - 1]!.add(base));
    rows.push(row);
    base = row[DIGITS - 2]!.add(base);
  }
  const table = { key, rows };
  if (tables.size >= TABLES_KEPT) tables.delete(tables.keys().next().value!);
  tables.set(id, table);
  return table;
}

/** [k]A for 0 ≤ k < 2^256, from the key's table: the sum of one entry per 4-bit digit of k. */
function multiplyKey(table: KeyTable, k: bigint): Point {
  let sum = Point.ZERO;
  for (let window = 0; k > 0n; window += 1, k >>= 4n) {
    const digit = Number(k & 15n);
    if (digit !== 0) sum = sum.add(table.rows[window]![digit - 1]!);
  }
  return sum;
}

/** False for a bad signature or malformed input; never throws on untrusted input. */
export function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  let table: KeyTable | undefined;
  try {
    table = tableFor(publicKey);
  } catch {
    return false;
  }
  if (!table) return verifyBytes(signature, message, publicKey);
  const r = signature.subarray(0, 32);
  const s = littleEndian(signature.subarray(32, 64));
  let R: Point;
  let SB: Point;
  try {
    R = Point.fromBytes(r, true);
    // noble: [S]B, which refuses S ≥ L (RFC 8032 §5.1.7 step 1) by throwing.
    SB = Point.BASE.multiply(s, false);
  } catch {
    return false;
  }
  // k = SHA-512(R ‖ A ‖ M) mod L, over the bytes as given (ZIP-215).
  const k = littleEndian(sha512(concatBytes(r, publicKey, message))) % L;
  // The group equation with the cofactor cleared: [8]([S]B − R − [k]A) = 0.
  return R.add(multiplyKey(table, k)).subtract(SB).clearCofactor().is0();
}

interface ExpandedKey {
  readonly seed: Uint8Array;
  readonly prefix: Uint8Array;
  readonly scalar: bigint;
  readonly pointBytes: Uint8Array;
}

const expandedKeys = new WeakMap<Uint8Array, ExpandedKey>();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function littleEndian32(value: bigint): Uint8Array {
  return Uint8Array.from({ length: 32 }, (_, index) => Number((value >> BigInt(8 * index)) & 255n));
}

/** RFC 8032 §5.1.6: the signature of `message` by the 32-byte seed `secretKey`, as noble signs. */
export function signEd25519(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== 32) return signBytes(message, secretKey);
  let key = expandedKeys.get(secretKey);
  if (!key || !sameBytes(key.seed, secretKey)) {
    // noble's own expansion (utils.getExtendedPublicKey): clamped scalar, prefix, [s]B.
    const { prefix, scalar, pointBytes } = utils.getExtendedPublicKey(secretKey);
    expandedKeys.set(secretKey, (key = { seed: secretKey.slice(), prefix, scalar, pointBytes }));
  }
  // r = SHA-512(prefix ‖ M) mod L; R = [r]B (noble refuses r = 0 by throwing, as here).
  const r = littleEndian(sha512(concatBytes(key.prefix, message))) % L;
  const R = Point.BASE.multiply(r).toBytes();
  // k = SHA-512(R ‖ A ‖ M) mod L; S = (r + k·s) mod L.
  const k = littleEndian(sha512(concatBytes(R, key.pointBytes, message))) % L;
  return concatBytes(R, littleEndian32((r + k * key.scalar) % L));
}
