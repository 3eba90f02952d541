/**
 * The issuer's keys: public Multikeys committed in keys/, the secret from LAUREL_SIGNING_KEY, or,
 * for a local build without it, a development key kept in the ignored .laurel/ folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LaurelError } from '../core/error.ts';
import { jsonSyntaxErrorAt } from '../core/json.ts';
import { decodePublicKeyMultibase, decodeSecretKeyMultibase, encodeSecretKeyMultibase, keyPairFromSecretKey, keyPairFromSeed } from '../core/multikey.ts';
import { KEYS_FOLDER, refuseLinksLeavingRepository } from './repository-links.ts';

export const SIGNING_KEY_VARIABLE = 'LAUREL_SIGNING_KEY';

export const keyFileSchema = z
  .object({
    type: z.literal('Multikey'),
    /** The public key, `z6Mk…`. */
    publicKeyMultibase: z.string().regex(/^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/).describe('an Ed25519 public Multikey starting z6Mk'),
    /** When the key was made (UTC). Proofs made with it are never dated earlier. */
    created: z.iso.datetime(),
    /**
     * current: signs this build (exactly one key). retired: no longer signs, stays published so
     * what it signed keeps verifying. compromised: removed from the DID document.
     */
    status: z.enum(['current', 'retired', 'compromised']),
    retired: z.iso.datetime().optional(),
    compromised: z.iso.datetime().optional(),
  })
  .strict();

export type KeyFile = z.output<typeof keyFileSchema> & { readonly file: string };

export interface SigningIdentity {
  readonly secretKey: Uint8Array;
  readonly publicKeyMultibase: string;
  /** When this key started signing: proofs are dated no earlier. */
  readonly created: string;
  readonly development: boolean;
}

const KEY_FILE_SHAPE = '{"type":"Multikey","publicKeyMultibase":"z6Mk…","created":"…Z","status":"current|retired|compromised"}, as npm run keygen writes it';

/** Line and column of the first `"field"` key in JSON text, for an error that points at it. */
function positionOfKey(text: string, field: string | undefined): { line: number; column: number } {
  const at = field === undefined ? -1 : text.indexOf(`"${field}"`);
  if (at < 0) return { line: 1, column: 1 };
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

export async function readKeyFiles(root: string): Promise<KeyFile[]> {
  await refuseLinksLeavingRepository(root, KEYS_FOLDER);
  const directory = path.join(root, 'keys');
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const keys: KeyFile[] = [];
  for (const name of names) {
    const file = `keys/${name}`;
    const text = await readFile(path.join(directory, name), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new LaurelError('invalid-key-file', `is not valid JSON (${(error as Error).message}).`, { file, ...(jsonSyntaxErrorAt(text) ?? { line: 1, column: 1 }), expected: KEY_FILE_SHAPE });
    }
    const parsed = keyFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.') || undefined;
      throw new LaurelError('invalid-key-file', `${issue.message}.`, { file, ...positionOfKey(text, String(issue.path[0] ?? '')), field, expected: KEY_FILE_SHAPE });
    }
    if (!decodePublicKeyMultibase(parsed.data.publicKeyMultibase)) {
      throw new LaurelError('invalid-key-file', 'is not an Ed25519 Multikey.', { file, ...positionOfKey(text, 'publicKeyMultibase'), field: 'publicKeyMultibase', expected: KEY_FILE_SHAPE });
    }
    keys.push({ ...parsed.data, file });
  }
  return keys;
}

/** Keys whose signatures verifiers should accept: every key not marked compromised. */
export function publishedKeys(keys: readonly KeyFile[]): KeyFile[] {
  return keys.filter((key) => key.status !== 'compromised');
}

export function currentKey(keys: readonly KeyFile[]): KeyFile | undefined {
  const current = keys.filter((key) => key.status === 'current');
  if (current.length > 1) throw new LaurelError('several-current-keys', `Several keys are marked current (${current.map((key) => key.file).join(', ')}); exactly one may be.`, { file: current[1]!.file });
  return current[0];
}

/** Never echo the secret: errors name the variable, not its value. */
export function signingIdentityFromSecret(secret: string, keys: readonly KeyFile[]): SigningIdentity {
  const seed = decodeSecretKeyMultibase(secret.trim());
  if (!seed) throw new LaurelError('invalid-secret', `${SIGNING_KEY_VARIABLE} is not an Ed25519 secret Multikey (it should start with z3u2 and be 48 characters long, as npm run keygen prints it).`);
  const pair = keyPairFromSecretKey(seed);
  const current = currentKey(keys);
  if (!current) throw new LaurelError('no-current-key', `No key in keys/ is marked current. Run npm run keygen, commit the file it writes, and store the secret it prints as ${SIGNING_KEY_VARIABLE}.`);
  if (current.publicKeyMultibase !== pair.publicKeyMultibase) {
    throw new LaurelError('secret-not-current', `${SIGNING_KEY_VARIABLE} belongs to the key ${pair.publicKeyMultibase}, but the current key in keys/ is ${current.publicKeyMultibase} (${current.file}). Update the secret, or the keys/ folder, so they match.`, { file: current.file });
  }
  return { secretKey: seed, publicKeyMultibase: pair.publicKeyMultibase, created: current.created, development: false };
}

/** The variable that holds, for the one build that records a rotation, the secret of the key rotated out. */
export const PREVIOUS_SIGNING_KEY_VARIABLE = 'LAUREL_PREVIOUS_SIGNING_KEY';

/**
 * The key rotated out, from its secret: it may sign only the DID history's record of the rotation
 * (./did-history.ts), so it must be a key of keys/ that is no longer current.
 */
export function previousKeyFromSecret(secret: string, keys: readonly KeyFile[]): { publicKeyMultibase: string; secretKey: Uint8Array; file: string } {
  const seed = decodeSecretKeyMultibase(secret.trim());
  if (!seed) throw new LaurelError('previous-key-invalid', `${PREVIOUS_SIGNING_KEY_VARIABLE} is not an Ed25519 secret Multikey (it should start with z3u2 and be 48 characters long, as npm run keygen printed it). Nothing was built.`);
  const { publicKeyMultibase } = keyPairFromSecretKey(seed);
  const key = keys.find((candidate) => candidate.publicKeyMultibase === publicKeyMultibase);
  if (!key || key.status === 'current') {
    throw new LaurelError('previous-key-invalid', `${PREVIOUS_SIGNING_KEY_VARIABLE} belongs to the key ${publicKeyMultibase}, which is ${key ? `the current key (${key.file}): it is ${SIGNING_KEY_VARIABLE}'s job` : 'not in keys/'}. It should be the secret of the key the last rotation retired. Nothing was built.`, key ? { file: key.file } : {});
  }
  return { publicKeyMultibase, secretKey: seed, file: key.file };
}

const DEV_KEY_FILE = path.join('.laurel', 'development-key.json');

/** The local development key, made on first use; it never leaves the machine it was made on. */
export async function developmentIdentity(root: string, now: Date): Promise<SigningIdentity> {
  const file = path.join(root, DEV_KEY_FILE);
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { secretKeyMultibase: string; created: string };
    const seed = decodeSecretKeyMultibase(saved.secretKeyMultibase);
    if (seed) return { secretKey: seed, publicKeyMultibase: keyPairFromSecretKey(seed).publicKeyMultibase, created: saved.created, development: true };
  } catch {
    // No development key yet: make one below.
  }
  const pair = keyPairFromSeed(new Uint8Array(randomBytes(32)));
  const created = `${now.toISOString().slice(0, 10)}T00:00:00Z`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ secretKeyMultibase: encodeSecretKeyMultibase(pair.secretKey), publicKeyMultibase: pair.publicKeyMultibase, created }, null, 2)}\n`, { mode: 0o600 });
  return { secretKey: pair.secretKey, publicKeyMultibase: pair.publicKeyMultibase, created, development: true };
}

/** The development key's secret, when this machine has made one: a build must not publish it either. */
export async function developmentSecret(root: string): Promise<string | undefined> {
  try {
    const saved = JSON.parse(await readFile(path.join(root, DEV_KEY_FILE), 'utf8')) as { secretKeyMultibase?: unknown };
    return typeof saved.secretKeyMultibase === 'string' ? saved.secretKeyMultibase : undefined;
  } catch {
    return undefined;
  }
}

export interface ResolveOptions {
  readonly root: string;
  readonly production: boolean;
  readonly secret: string | undefined;
  readonly now: Date;
}

export async function resolveSigningIdentity(options: ResolveOptions, keys: readonly KeyFile[]): Promise<SigningIdentity> {
  if (options.secret && options.secret.trim()) return signingIdentityFromSecret(options.secret, keys);
  if (options.production) {
    throw new LaurelError('missing-secret', `A production build needs the signing key in ${SIGNING_KEY_VARIABLE}. Nothing was built. In GitHub, add it under Settings → Secrets and variables → Actions.`);
  }
  return developmentIdentity(options.root, options.now);
}
