/**
 * Ed25519 keys in Multikey form (W3C vc-di-eddsa §2.1.1, CID 1.0 §2.2.2):
 * public `z` + base58btc(0xed 0x01 ‖ 32-byte key), secret `z` + base58btc(0x80 0x26 ‖ 32-byte seed).
 */
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { decodeBase58btc, encodeBase58btc } from './multibase.ts';

// @noble/ed25519 needs a synchronous SHA-512 to offer the synchronous sign/verify calls.
ed.hashes.sha512 = sha512;

const ED25519_PUBLIC_HEADER = [0xed, 0x01] as const;
const ED25519_SECRET_HEADER = [0x80, 0x26] as const;

export interface Ed25519KeyPair {
  /** The 32-byte seed RFC 8032 calls the private key. */
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly publicKeyMultibase: string;
}

function withHeader(header: readonly number[], key: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + key.length);
  out.set(header, 0);
  out.set(key, header.length);
  return out;
}

function withoutHeader(header: readonly number[], value: string): Uint8Array | undefined {
  const bytes = decodeBase58btc(value);
  // vc-di-eddsa §2.1.1: any other header or length for an Ed25519 key is an error.
  if (!bytes || bytes.length !== header.length + 32) return undefined;
  if (header.some((byte, index) => bytes[index] !== byte)) return undefined;
  return bytes.slice(header.length);
}

export function encodePublicKeyMultibase(publicKey: Uint8Array): string {
  return encodeBase58btc(withHeader(ED25519_PUBLIC_HEADER, publicKey));
}

export function encodeSecretKeyMultibase(secretKey: Uint8Array): string {
  return encodeBase58btc(withHeader(ED25519_SECRET_HEADER, secretKey));
}

/** The raw 32-byte public key, or undefined when the value is not an Ed25519 public Multikey. */
export function decodePublicKeyMultibase(value: string): Uint8Array | undefined {
  return withoutHeader(ED25519_PUBLIC_HEADER, value);
}

/** The 32-byte seed, or undefined when the value is not an Ed25519 secret Multikey. */
export function decodeSecretKeyMultibase(value: string): Uint8Array | undefined {
  return withoutHeader(ED25519_SECRET_HEADER, value);
}

export function keyPairFromSecretKey(secretKey: Uint8Array): Ed25519KeyPair {
  const publicKey = ed.getPublicKey(secretKey);
  return { secretKey, publicKey, publicKeyMultibase: encodePublicKeyMultibase(publicKey) };
}

/** A new key pair from the given 32 random bytes (the caller owns the randomness source). */
export function keyPairFromSeed(seed: Uint8Array): Ed25519KeyPair {
  if (seed.length !== 32) throw new RangeError('An Ed25519 seed is 32 bytes.');
  return keyPairFromSecretKey(seed);
}

export function signBytes(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed.sign(message, secretKey);
}

/** False for a bad signature or malformed input; never throws on untrusted input. */
export function verifyBytes(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
