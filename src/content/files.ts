/**
 * Reads the content tree from disk for `validateContent`. The only file I/O of validation.
 *
 * A pull request can add any file, symbolic links included, so what is read is held to the
 * repository: a link whose target stays inside it is followed like the file it points to (git
 * keeps links, and an issuer may link one award file from another folder), and a link that leads
 * out of it (to /proc/self/environ, to a home folder) or into `.git/` (where a CI checkout keeps
 * its credentials) or `.laurel/` (the development key, mail-merge files with email addresses)
 * is refused, its target never opened. Text must be UTF-8.
 */
import { lstat, readFile, readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LaurelError } from '../core/error.ts';
import { contentError, describeReceived } from './content-error.ts';
import { decodeUtf8 } from './text-encoding.ts';
import type { ContentFiles, SourceFile } from './validate.ts';

/** Folders of the repository that content never links into: they hold credentials and personal data. */
const PRIVATE_FOLDERS = ['.git', '.laurel'];

interface Reader {
  /** The repository's root, as given. */
  readonly root: string;
  /** Its real path (every link in it resolved), which targets are compared with. */
  readonly realRoot: string;
  readonly errors: LaurelError[];
  /**
   * The real paths of the folders listed so far. Each is listed once, under the first path that
   * reaches it, so links cannot make a loop, nor list one folder twice over and over (a folder
   * with two links to the next, thirty deep, would be listed a billion times).
   */
  readonly listed: Set<string>;
}

/** `content/awards/x.yaml`: relative to the repository, with forward slashes. */
function repositoryPath(reader: Reader, file: string): string {
  return path.relative(reader.root, file).split(path.sep).join('/');
}

function isInsideRepository(reader: Reader, real: string): boolean {
  const relative = path.relative(reader.realRoot, real);
  if (relative === '') return true;
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
  return !PRIVATE_FOLDERS.includes(relative.split(path.sep)[0]!);
}

type Resolved = { kind: 'file' | 'directory'; real: string } | { kind: 'other' } | { kind: 'missing' };

/**
 * What `file` is once its links are followed, or undefined after reporting a link that leaves the
 * repository. A link is judged by where it really leads (every link on the way resolved), before
 * anything at its target is opened.
 */
/** A link that is not read: reported at its own file, with where it points (the target is never opened). */
function refuseLink(reader: Reader, file: string, target: string, code: 'symlink-outside-repository' | 'missing-file', message: string, expected: string): void {
  reader.errors.push(contentError({ code, file: repositoryPath(reader, file), line: 1, column: 1, field: '', message, expected, received: `a link to ${describeReceived(target)}` }));
}

async function resolve(reader: Reader, file: string): Promise<Resolved | undefined> {
  let entry;
  try {
    entry = await lstat(file);
  } catch {
    return { kind: 'missing' };
  }
  if (!entry.isSymbolicLink()) return entry.isFile() ? { kind: 'file', real: file } : entry.isDirectory() ? { kind: 'directory', real: file } : { kind: 'other' };
  const target = await readlink(file).catch(() => '');
  // A link that leads nowhere is judged by where it would lead, so a dangling link out of the
  // repository is refused too rather than ignored.
  const real = await realpath(file).catch(async () => path.resolve(await realpath(path.dirname(file)).catch(() => path.dirname(file)), target));
  if (!isInsideRepository(reader, real)) {
    refuseLink(reader, file, target, 'symlink-outside-repository', 'is a symbolic link that leads outside the repository (or into its .git/ or .laurel/ folder), so it is not read: Laurel reads only the repository\'s own files.', 'the file itself: copy it into the repository in place of the link (or link to a file inside the repository)');
    return undefined;
  }
  const info = await stat(real).catch(() => undefined);
  if (!info) {
    refuseLink(reader, file, target, 'missing-file', 'is a symbolic link to a file that does not exist.', 'a link to a file of the repository, or the file itself');
    return undefined;
  }
  return info.isFile() ? { kind: 'file', real } : info.isDirectory() ? { kind: 'directory', real } : { kind: 'other' };
}

/**
 * Every file under `directory` whose name matches, links followed within the repository. Only a
 * link costs more than the folder's own listing: the folders of 100,000 awards are read as fast
 * as before.
 */
async function listFiles(reader: Reader, directory: string, pattern: RegExp, known?: Resolved): Promise<Array<{ file: string; real: string }>> {
  const resolved = known ?? (await resolve(reader, directory));
  if (resolved?.kind !== 'directory') return [];
  const real = await realpath(resolved.real).catch(() => resolved.real);
  if (reader.listed.has(real)) return [];
  reader.listed.add(real);
  let entries;
  try {
    entries = await readdir(resolved.real, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: Array<{ file: string; real: string }> = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const file = path.join(directory, entry.name);
    const named = pattern.test(entry.name) && !entry.name.startsWith('.');
    if (entry.isDirectory()) found.push(...(await listFiles(reader, file, pattern, { kind: 'directory', real: path.join(resolved.real, entry.name) })));
    else if (entry.isFile()) {
      if (named) found.push({ file, real: path.join(resolved.real, entry.name) });
    } else if (entry.isSymbolicLink()) {
      // Judged whatever its name: it may lead to a folder, and a link out is refused wherever it is.
      const target = await resolve(reader, file);
      if (target?.kind === 'directory') found.push(...(await listFiles(reader, file, pattern, target)));
      else if (target?.kind === 'file' && named) found.push({ file, real: target.real });
    }
  }
  return found;
}

async function readSource(reader: Reader, file: string, real: string): Promise<SourceFile> {
  const relative = repositoryPath(reader, file);
  const decoded = decodeUtf8(await readFile(real));
  if (!decoded.ok) {
    reader.errors.push(contentError({
      code: 'invalid-encoding',
      file: relative,
      ...decoded.position,
      field: '',
      message: `is not UTF-8 text: the byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} here is not a UTF-8 character (the file was probably saved as Latin-1 or Windows-1252).`,
      expected: 'a file saved as UTF-8 (in your editor: "Save with encoding", UTF-8)',
    }));
  }
  return { path: relative, text: decoded.text };
}

/** Reads the files in path order (as `selectContentFiles` orders a git tree): the first of two files that clash is the one kept. */
async function readAll(reader: Reader, files: ReadonlyArray<{ file: string; real: string }>): Promise<SourceFile[]> {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return Promise.all(sorted.map(({ file, real }) => readSource(reader, file, real)));
}

export async function readContentFiles(root: string): Promise<ContentFiles> {
  const reader: Reader = { root, realRoot: await realpath(root).catch(() => path.resolve(root)), errors: [], listed: new Set() };
  const content = path.join(root, 'content');
  // content/ itself, then each of its parts: a link anywhere on the way is held to the repository.
  const contentFolder = await resolve(reader, content);
  if (contentFolder?.kind !== 'directory') return { issuer: undefined, achievements: [], awards: [], unreadable: reader.errors };
  const issuerPath = path.join(content, 'issuer.yaml');
  const issuerTarget = await resolve(reader, issuerPath);
  const issuer = issuerTarget?.kind === 'file' ? await readSource(reader, issuerPath, issuerTarget.real).catch(() => undefined) : undefined;
  const achievements = await readAll(reader, await listFiles(reader, path.join(content, 'achievements'), /\.mdx?$/));
  const awards = await readAll(reader, await listFiles(reader, path.join(content, 'awards'), /\.ya?ml$/));
  return { issuer, achievements, awards, unreadable: reader.errors };
}
