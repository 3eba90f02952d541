/**
 * The last check before a built site can be published, whatever a template, a page or a link
 * did: no file of the output may contain a signing secret (the one in LAUREL_SIGNING_KEY, or the
 * development key's), nor be a copy of a file of .laurel/ (the development key, mail-merge lists
 * with email addresses, erase lists) or keys/. Copies are found by size, then by SHA-256, so a
 * hard link or a copy made by a page is caught as surely as a symbolic link. On a hit the whole
 * output is deleted: not a byte of it may be published.
 *
 * At scale most files of a build are cache entries an earlier build made and checked (reused
 * certificate pages, search fragments). The cache records the fingerprint of the secrets its
 * entries were checked against, once a whole output holding them has passed; a build with the
 * same secrets skips reading them again. The record is removed before a build adds anything to
 * the cache and written back only when its output passes, so an entry kept by a build that failed
 * the check, or that was stopped, is read again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { LaurelError } from '../core/error.ts';

export interface OutputCheck {
  /** The repository. */
  readonly root: string;
  /** Secrets that must not appear in any file: the signing secret, the development key's. */
  readonly secrets: readonly (string | undefined)[];
  /** Folders whose files must not be published as they are, relative to the root. */
  readonly privateFolders: readonly string[];
  /** Paths under those folders that are published anyway (the image cache) or are the output itself. */
  readonly published: readonly string[];
}

const relative = (from: string, file: string) => path.relative(from, file).split(path.sep).join('/');
/** How many files are read at once. */
const FILES_AT_ONCE = 32;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What is searched for in every file: the secrets, as bytes (short strings are no secret). */
function needlesOf(check: Pick<OutputCheck, 'secrets'>): Buffer[] {
  return check.secrets.map((secret) => secret?.trim()).filter((secret): secret is string => secret !== undefined && secret.length >= 16).map((secret) => Buffer.from(secret));
}

/** A one-way fingerprint of the secrets the check looks for (it cannot give them back). */
function checkFingerprint(check: Pick<OutputCheck, 'secrets'>): string {
  const hash = createHash('sha256').update('laurel output check 1\0');
  for (const needle of needlesOf(check).map((bytes) => sha256(bytes)).sort()) hash.update(`${needle}\0`);
  return hash.digest('hex');
}

/** The file of a cache that records what its entries were checked against. */
const recordOf = (cacheDirectory: string) => path.join(cacheDirectory, 'checked-output');

/**
 * Whether the entries of the cache in `cacheDirectory` were checked against the secrets `check`
 * looks for; removes the record either way, since the build that asks adds entries next.
 */
export async function takeCheckedRecord(cacheDirectory: string, check: Pick<OutputCheck, 'secrets'>): Promise<boolean> {
  const recorded = await readFile(recordOf(cacheDirectory), 'utf8').catch(() => undefined);
  await rm(recordOf(cacheDirectory), { force: true });
  return recorded === checkFingerprint(check);
}

/** Records that every entry of the cache has passed `check`: call once the output holding them has. */
export async function recordChecked(cacheDirectory: string, check: Pick<OutputCheck, 'secrets'>): Promise<void> {
  await writeFile(recordOf(cacheDirectory), checkFingerprint(check));
}

/** Every non-empty file of the private folders, by size, not following links nor entering `published`. */
async function privateFilesBySize(check: OutputCheck): Promise<Map<number, string[]>> {
  const bySize = new Map<number, string[]>();
  const skipped = new Set(check.published.map((file) => path.resolve(check.root, file)));
  const pending = check.privateFolders.map((folder) => path.join(check.root, folder));
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const file = path.join(folder, entry.name);
      if (skipped.has(file)) continue;
      if (entry.isDirectory()) pending.push(file);
      if (!entry.isFile()) continue;
      const { size } = await stat(file);
      if (size > 0) bySize.set(size, [...(bySize.get(size) ?? []), file]);
    }
  }
  return bySize;
}

/**
 * Throws `secret-in-output` or `private-file-in-output`, having deleted `out`, when it holds either.
 * `written` gives the bytes of files the caller has just written itself (by absolute path): those
 * are checked as they are in memory rather than read back, which at scale halves what is read.
 * `checkedBefore` are files (by absolute path) that are cache entries already checked against
 * these secrets (see takeCheckedRecord): they are not read.
 */
export async function assertNothingPrivate(out: string, check: OutputCheck, written: ReadonlyMap<string, string | Uint8Array> = new Map(), checkedBefore: ReadonlySet<string> = new Set()): Promise<void> {
  const needles = needlesOf(check);
  const privateFiles = await privateFilesBySize(check);
  const privateHashes = new Map<string, string>();
  const hashOf = async (file: string) => privateHashes.get(file) ?? privateHashes.set(file, sha256(await readFile(file))).get(file)!;
  const refuse = async (error: LaurelError) => {
    // Not a byte of it may be published: the whole output goes, whoever ran the build.
    await rm(out, { recursive: true, force: true });
    throw error;
  };
  const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  // Many files at once (the time is the file system's); a hit stops the others before they read.
  let refused: LaurelError | undefined;
  await pMap(files, async (entry) => {
    if (refused) return;
    const file = path.join(entry.parentPath, entry.name);
    if (checkedBefore.has(file)) return;
    const known = written.get(file);
    const bytes = known === undefined ? await readFile(file) : typeof known === 'string' ? Buffer.from(known) : Buffer.from(known.buffer, known.byteOffset, known.byteLength);
    const name = relative(out, file);
    // A copy first: it says where the secret came from.
    const hash = privateFiles.has(bytes.length) ? sha256(bytes) : undefined;
    for (const candidate of privateFiles.get(bytes.length) ?? []) {
      if ((await hashOf(candidate)) !== hash) continue;
      refused ??= new LaurelError('private-file-in-output', `is a copy of ${relative(check.root, candidate)}, which is never published, so the built site was deleted: there is nothing to publish. Remove what puts it there (a link or a copy in public/, a page that reads it).`, { file: name, expected: 'no file of .laurel/ or keys/ in the built site' });
      return;
    }
    if (needles.some((needle) => bytes.includes(needle))) {
      refused ??= new LaurelError('secret-in-output', `The signing secret appears in ${name}, so the built site was deleted: there is nothing to publish. Find what writes the secret into a page and remove it.`, { file: name });
    }
  }, { concurrency: FILES_AT_ONCE });
  if (refused) await refuse(refused);
}
