/**
 * Remembers proofs between builds. Ed25519 is deterministic, so the same document, proof options
 * and key always give the same proof: a cached proof is exactly the one signing would produce, and
 * unchanged awards skip canonicalization, the costly step, on every later build.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalizeJcs } from '../core/canonicalize.ts';
import type { DataIntegrityProof } from '../core/proof.ts';

export interface ProofCache {
  get(key: string): DataIntegrityProof | undefined;
  set(key: string, proof: DataIntegrityProof): void;
}

/** The cache key covers everything the signature depends on, including the public key. */
export function proofCacheKey(unsecured: unknown, verificationMethod: string, created: string): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalizeJcs({ unsecured, verificationMethod, created, suite: 'eddsa-rdfc-2022' }))));
}

export function memoryProofCache(entries: Iterable<[string, DataIntegrityProof]> = []): ProofCache & { entries(): IterableIterator<[string, DataIntegrityProof]>; readonly size: number } {
  const map = new Map(entries);
  return {
    get: (key) => map.get(key),
    set: (key, proof) => void map.set(key, proof),
    entries: () => map.entries(),
    get size() {
      return map.size;
    },
  };
}
