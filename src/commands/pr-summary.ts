/**
 * npm run pr-summary -- --base <git ref>: what this pull request publishes, compared with the base
 * branch. Appends Markdown to $GITHUB_STEP_SUMMARY (or prints it), prints workflow commands that
 * GitHub shows on the PR diff. Exit 0 when the head's content is valid, 1 when it is not.
 */
import { execFile } from 'node:child_process';
import { appendFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { annotations, diffContent, headline, renderSummary, selectContentFiles, type ContentSnapshot } from './content-diff.ts';
import { validateContent, type SourceFile } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { usage, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run pr-summary -- --base <git ref>, e.g. --base origin/main';
const git = promisify(execFile);

/** Every file under content/ and keys/ at `ref`, read with one `git cat-file --batch`. */
async function filesAt(ref: string, root: string): Promise<SourceFile[]> {
  let listing: string;
  try {
    listing = (await git('git', ['ls-tree', '-r', '-z', ref, '--', 'content', 'keys'], { cwd: root, maxBuffer: 64 << 20 })).stdout;
  } catch (error) {
    throw usage(`Cannot read the git ref "${ref}" (${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}). In CI, check out with fetch-depth: 0 so the base branch is there.`);
  }
  // "<mode> blob <oid>\t<path>" per entry (git-ls-tree(1)); submodules and the like are skipped.
  const blobs = listing
    .split('\0')
    .map((entry) => /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry))
    .filter((match) => match !== null)
    .map(([, oid, file]) => ({ oid: oid!, file: file! }));
  if (!blobs.length) return [];
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

/** keys/*.json in the working tree, as they are: the diff reads only their status. */
async function workingKeys(root: string): Promise<SourceFile[]> {
  const names = await readdir(path.join(root, 'keys')).catch(() => [] as string[]);
  return Promise.all(names.filter((name) => name.endsWith('.json')).sort().map(async (name) => ({ path: `keys/${name}`, text: await readFile(path.join(root, 'keys', name), 'utf8') })));
}

export async function prSummary(context: CommandContext): Promise<number> {
  const { root } = context;
  const args = [...context.argv];
  const at = args.indexOf('--base');
  const ref = at >= 0 ? args[at + 1] : undefined;
  const unknown = args.filter((_arg, index) => index !== at && index !== at + 1);
  if (!ref || ref.startsWith('-') || unknown.length) throw usage(unknown.length ? `Unknown option ${unknown[0]}. ${USAGE}` : USAGE);

  const baseTree = selectContentFiles(await filesAt(ref, root));
  const base: ContentSnapshot = { content: validateContent(baseTree.files), keys: baseTree.keys };
  const head: ContentSnapshot = { content: validateContent(await readContentFiles(root)), keys: await workingKeys(root) };
  const diff = diffContent(base, head);

  const markdown = renderSummary(diff);
  const summaryFile = context.env['GITHUB_STEP_SUMMARY'];
  if (summaryFile) {
    await appendFile(summaryFile, `${markdown}\n`);
    context.out(`${headline(diff)} (details in the job summary)`);
  } else {
    context.out(markdown);
  }
  for (const line of annotations(diff)) context.out(line);
  return diff.ok ? 0 : 1;
}

