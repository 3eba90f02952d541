/**
 * Remembers proofs between builds. Ed25519 is deterministic, so the same document, proof options
 * and key always give the same proof: a cached proof is exactly the one signing would produce, and
 * unchanged awards skip canonicalization, the costly step, on every later build and on every
 * change the dev server signs.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataIntegrityProof } from '../core/proof.ts';

export interface ProofCache {
  get(key: string): DataIntegrityProof | undefined;
  set(key: string, proof: DataIntegrityProof): void;
}

/**
 * The cache key covers everything the signature depends on, including the public key. The
 * document is hashed as JSON.stringify writes it, not in a canonical form: the build makes each
 * credential with its keys in the same order every time, and a document whose keys came in
 * another order would only be signed again (to the same proof) rather than found. At 10,000
 * awards a canonical form took seconds of every build; this takes a tenth of that.
 */
export function proofCacheKey(unsecured: unknown, verificationMethod: string, created: string): string {
  return createHash('sha256').update(JSON.stringify({ unsecured, verificationMethod, created, suite: 'eddsa-rdfc-2022' })).digest('hex');
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

/** A cache kept in a file across builds: each signing is a session, whose used proofs are saved. */
export interface PersistentProofCache {
  /** A view of the cache that records which proofs a signing used or added. */
  session(): ProofCache & { readonly used: ReadonlySet<string> };
  /** Writes the proofs in `used` (only those, so the file does not grow for ever). */
  save(used: ReadonlySet<string>): Promise<void>;
}

/**
 * `proofs.json` in the cache folder; a missing or unreadable file is an empty cache. `keepAll`:
 * saving keeps every proof, not only those of the signing (a cache shared by several sites).
 */
export async function openProofCache(cacheDirectory: string, options: { keepAll?: boolean } = {}): Promise<PersistentProofCache> {
  const file = path.join(cacheDirectory, 'proofs.json');
  let stored = memoryProofCache();
  try {
    stored = memoryProofCache(JSON.parse(await readFile(file, 'utf8')) as Array<[string, DataIntegrityProof]>);
  } catch {
    // No cache yet, or one from an older format: every proof is signed afresh.
  }
  return {
    session() {
      const used = new Set<string>();
      return {
        used,
        get: (key) => {
          const proof = stored.get(key);
          if (proof) used.add(key);
          return proof;
        },
        set: (key, proof) => {
          used.add(key);
          stored.set(key, proof);
        },
      };
    },
    async save(used) {
      await mkdir(path.dirname(file), { recursive: true });
      const entries = [...stored.entries()].filter(([key]) => options.keepAll || used.has(key));
      // Written aside and renamed: an interrupted build never leaves half a file.
      await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(entries));
      await rename(`${file}.${process.pid}.tmp`, file);
    },
  };
}
