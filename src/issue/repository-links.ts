/**
 * Symbolic links in the folders a build reads as they are: keys/ (read as the issuer's public keys)
 * and public/ (copied into dist/, links followed). A link there that leaves the repository, or
 * points into .laurel/ (the development key, mail-merge lists, erase lists), would make the build
 * read or publish what is not the issuer's to publish: a link `public/key.json →
 * ../.laurel/development-key.json` published a secret key. Every such link is refused, with its
 * file, before anything is read or written. Links within the repository stay allowed (a logo in
 * public/ that links to one in content/).
 */
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorCount, LaurelError, LaurelErrors } from '../core/error.ts';

export interface LinkRule {
  /** The folder, relative to the repository. */
  readonly folder: 'keys' | 'public';
  /** Top-level folders of the repository a link must not lead into. */
  readonly privateFolders: readonly string[];
  /** What the build does with what a link leads to, for the message. */
  readonly use: string;
  /** What would be right instead. */
  readonly expected: string;
}

/** keys/ is read for the DID document; a link out of the repository is someone else's key. */
export const KEYS_FOLDER: LinkRule = {
  folder: 'keys',
  privateFolders: ['.laurel', '.git'],
  use: 'read as a signing key',
  expected: 'a key file of its own, as npm run keygen writes it',
};

/** public/ is published byte for byte: nothing private may be reachable from it. */
export const PUBLIC_FOLDER: LinkRule = {
  folder: 'public',
  privateFolders: ['.laurel', 'keys', '.git'],
  use: 'published in dist/',
  expected: 'a file of its own (copy into public/ what you mean to publish), or a link to a file of the repository outside .laurel/, keys/ and .git/',
};

/** Where a link leads, as the repository sees it: `outside`, a private folder, or allowed. */
function judge(realRoot: string, target: string, rule: LinkRule): string | undefined {
  const relative = path.relative(realRoot, target);
  if (relative === '') return 'the repository itself';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return 'a place outside the repository';
  const first = relative.split(path.sep)[0]!;
  if (rule.privateFolders.includes(first)) return `${first}/`;
  // .env files hold a project's secrets by convention.
  if (first.startsWith('.env')) return first;
  return undefined;
}

/** Where a link finally leads; for a broken link, where its text points. */
async function targetOf(link: string): Promise<string> {
  try {
    return await realpath(link);
  } catch {
    return path.resolve(await realpath(path.dirname(link)), await readlink(link));
  }
}

/**
 * Every link in the rule's folder (the folder itself included, and what the links within the
 * repository lead to) that leads out of the repository or into a private folder: all refused at
 * once, as `symlink-outside-repository`. A folder that does not exist has no links.
 */
export async function refuseLinksLeavingRepository(root: string, rule: LinkRule): Promise<void> {
  const realRoot = await realpath(root).catch(() => undefined);
  if (realRoot === undefined) return;
  const errors: LaurelError[] = [];
  const visited = new Set<string>();
  const pending = [path.join(root, rule.folder)];
  while (pending.length > 0) {
    const entry = pending.pop()!;
    let info = await lstat(entry).catch(() => undefined);
    if (!info) continue;
    if (info.isSymbolicLink()) {
      const where = judge(realRoot, await targetOf(entry), rule);
      if (where !== undefined) {
        const file = path.relative(root, entry).split(path.sep).join('/');
        errors.push(new LaurelError('symlink-outside-repository', `is a link to ${where}: what it leads to would be ${rule.use}.`, {
          file,
          expected: rule.expected,
          received: `a link to ${await readlink(entry).catch(() => 'an unreadable target')}`,
        }));
        continue;
      }
      // Within the repository: what it leads to is read or published too, so it is walked.
      info = await stat(entry).catch(() => undefined);
      if (!info) continue;
    }
    if (!info.isDirectory()) continue;
    const real = await realpath(entry);
    if (visited.has(real)) continue;
    visited.add(real);
    for (const name of await readdir(entry)) pending.push(path.join(entry, name));
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new LaurelErrors(errors.sort((a, b) => a.file!.localeCompare(b.file!)), `${errorCount(errors)} in ${rule.folder}/.`);
}
