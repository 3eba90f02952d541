/**
 * Reading content/ and keys/ as an earlier commit has them, with git itself: `ls-tree` lists a
 * tree, one `cat-file --batch` reads its blobs, `diff --name-only` says which files differ from the
 * working tree. Paths are relative to the repository root the command runs in, which may be a
 * folder inside a larger git work tree.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SourceFile } from '../content/validate.ts';

const git = promisify(execFile);

/** Thrown when a ref cannot be read; `detail` is git's own words. */
export class GitRefError extends Error {
  readonly ref: string;

  constructor(ref: string, detail: string) {
    super(`Cannot read the git ref "${ref}" (${detail})`);
    this.ref = ref;
  }
}

const stderrOf = (error: unknown) => (error as { stderr?: string }).stderr?.trim() || (error as Error).message;

/**
 * The files under content/ and keys/ at `ref` (a commit, branch or tag) for which `keep` is true,
 * read with one `git cat-file --batch`.
 */
export async function filesAt(ref: string, root: string, keep: (file: string) => boolean = () => true): Promise<SourceFile[]> {
  let listing: string;
  try {
    listing = (await git('git', ['ls-tree', '-r', '-z', ref, '--', 'content', 'keys'], { cwd: root, maxBuffer: 64 << 20 })).stdout;
  } catch (error) {
    throw new GitRefError(ref, stderrOf(error));
  }
  // "<mode> blob <oid>\t<path>" per entry (git-ls-tree(1)); submodules and the like are skipped.
  const entries = listing
    .split('\0')
    .map((entry) => /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(entry))
    .filter((match) => match !== null)
    .map(([, mode, oid, file]) => ({ mode: mode!, oid: oid!, file: file! }));
  // A symbolic link (mode 120000) is stored as its target's path: read the file it names when that
  // is a file of the same listing, as the working tree reads it; a link that leaves it is skipped.
  const links = entries.filter(({ mode }) => mode === '120000');
  const oidOf = new Map(entries.filter(({ mode }) => mode !== '120000').map(({ file, oid }) => [file, oid]));
  const targets = links.length ? await readBlobs(root, ref, links) : [];
  // A link is kept when `keep` takes it or the file it names (a change is made to the target).
  const blobs = [
    ...entries.filter(({ mode, file }) => mode !== '120000' && keep(file)),
    ...links.flatMap(({ file }, index) => {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), targets[index]!.text));
      const oid = oidOf.get(target);
      return oid === undefined || !(keep(file) || keep(target)) ? [] : [{ mode: '100644', oid, file }];
    }),
  ]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return blobs.length ? readBlobs(root, ref, blobs) : [];
}

/** The contents of `blobs`, read with one `git cat-file --batch`, as UTF-8 text. */
async function readBlobs(root: string, ref: string, blobs: ReadonlyArray<{ oid: string; file: string }>): Promise<SourceFile[]> {
  const child = execFile('git', ['cat-file', '--batch'], { cwd: root, encoding: 'buffer', maxBuffer: 1 << 30 });
  const output = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file exited with ${status}`))));
  });
  child.stdin!.end(blobs.map(({ oid }) => `${oid}\n`).join(''));
  const bytes = await output;
  // Each answer: "<oid> <type> <size>\n<contents>\n" (git-cat-file(1), BATCH OUTPUT).
  const files: SourceFile[] = [];
  let offset = 0;
  for (const { file } of blobs) {
    const end = bytes.indexOf(0x0a, offset);
    const header = bytes.subarray(offset, end).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isInteger(size)) throw new Error(`git cat-file could not read ${file} at ${ref} (${header.join(' ')})`);
    files.push({ path: file, text: bytes.subarray(end + 1, end + 1 + size).toString('utf8') });
    offset = end + 1 + size + 1;
  }
  return files;
}

/**
 * HEAD and its parents, as commit ids: what the working tree is compared with. Empty outside a
 * git work tree, before the first commit, or without git.
 */
export async function headAndParents(root: string): Promise<string[]> {
  try {
    // "<commit> <parent>…" (git-rev-list(1), --parents).
    const { stdout } = await git('git', ['rev-list', '--parents', '-n', '1', 'HEAD', '--'], { cwd: root });
    return stdout.trim().split(' ').filter(Boolean);
  } catch {
    return [];
  }
}

/** The files under `folder` that differ between `ref` and the working tree: changed or deleted since (renames as both). */
export async function changedSince(ref: string, root: string, folder: string): Promise<string[]> {
  try {
    const { stdout } = await git('git', ['diff', '--no-renames', '--no-ext-diff', '--relative', '--name-only', '-z', ref, '--', folder], { cwd: root, maxBuffer: 64 << 20 });
    return stdout.split('\0').filter(Boolean);
  } catch (error) {
    throw new GitRefError(ref, stderrOf(error));
  }
}
