/**
 * Loads, validates and signs the site once per process. The build script fills it before Astro
 * renders, and the pages read the same result: globalThis is shared by the script and the modules
 * Astro bundles, so nothing is signed twice.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { validateContent } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { errorCount, LaurelErrors } from '../core/error.ts';
import { readKeyFiles, resolveSigningIdentity, SIGNING_KEY_VARIABLE } from './keys.ts';
import { memoryProofCache } from './proof-cache.ts';
import { buildSignedSite, type SignedSite } from './signed-site.ts';
import type { SignMany } from './signing.ts';
import type { DataIntegrityProof } from '../core/proof.ts';

export interface LoadOptions {
  readonly root: string;
  readonly production: boolean;
  /** The build time: used only to name a new development key, never inside a credential. */
  readonly now: Date;
  /** How to sign what the cache does not have (the build script passes a worker pool). */
  readonly signMany?: SignMany;
}

const MEMO = Symbol.for('laurel.signed-site');
type Memo = { key: string; promise: Promise<SignedSite> };

const PROOF_CACHE_FILE = path.join('.laurel', 'cache', 'proofs.json');

async function loadProofCache(root: string) {
  try {
    const entries = JSON.parse(await readFile(path.join(root, PROOF_CACHE_FILE), 'utf8')) as Array<[string, DataIntegrityProof]>;
    return memoryProofCache(entries);
  } catch {
    return memoryProofCache();
  }
}

async function saveProofCache(root: string, cache: ReturnType<typeof memoryProofCache>, used: ReadonlySet<string>): Promise<void> {
  const file = path.join(root, PROOF_CACHE_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  // Keep only the proofs this build used, so the cache does not grow for ever.
  const entries = [...cache.entries()].filter(([key]) => used.has(key));
  await writeFile(`${file}.tmp`, JSON.stringify(entries));
  await rename(`${file}.tmp`, file);
}

async function signSite(options: LoadOptions): Promise<SignedSite> {
  const files = await readContentFiles(options.root);
  const result = validateContent(files);
  if (!result.ok) throw new LaurelErrors(result.errors, `${errorCount(result.errors)} in content/. Nothing was built.`);
  const keys = await readKeyFiles(options.root);
  const identity = await resolveSigningIdentity({ root: options.root, production: options.production, secret: process.env[SIGNING_KEY_VARIABLE], now: options.now }, keys);
  const stored = await loadProofCache(options.root);
  const used = new Set<string>();
  const cache = {
    get: (key: string) => {
      const proof = stored.get(key);
      if (proof) used.add(key);
      return proof;
    },
    set: (key: string, proof: DataIntegrityProof) => {
      used.add(key);
      stored.set(key, proof);
    },
  };
  const site = await buildSignedSite(result.content, { identity, keys, cache, ...(options.signMany ? { signMany: options.signMany } : {}) });
  await saveProofCache(options.root, stored, used);
  return site;
}

export function loadSignedSite(options: LoadOptions): Promise<SignedSite> {
  const store = globalThis as unknown as Record<symbol, Memo | undefined>;
  const key = `${options.root}|${options.production}`;
  const memo = store[MEMO];
  if (memo && memo.key === key) return memo.promise;
  const promise = signSite(options);
  store[MEMO] = { key, promise };
  return promise;
}

/** Forget the memo, e.g. when content changes under `astro dev`. */
export function forgetSignedSite(): void {
  (globalThis as unknown as Record<symbol, Memo | undefined>)[MEMO] = undefined;
}

/** For pages: the site of this process, signed on first use (under `astro dev`). */
export function currentSite(): Promise<SignedSite> {
  return loadSignedSite({ root: process.cwd(), production: process.env['LAUREL_PRODUCTION'] === '1', now: new Date() });
}
