/**
 * npm run pr-summary -- --base <git ref>: what this pull request publishes, compared with the base
 * branch. Appends Markdown to $GITHUB_STEP_SUMMARY (or prints it), prints workflow commands that
 * GitHub shows on the PR diff. Exit 0 when the head's content is valid and keeps every revocation
 * of the base branch, 1 when it does not.
 */
import { appendFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { annotations, diffContent, headline, renderSummary, selectContentFiles, type ContentSnapshot } from './content-diff.ts';
import { validateContent, type SourceFile } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { usage, type CommandContext } from './cli.ts';
import { filesAt, GitRefError } from './git-files.ts';

const USAGE = 'Usage: npm run pr-summary -- --base <git ref>, e.g. --base origin/main';

async function baseFiles(ref: string, root: string) {
  try {
    return await filesAt(ref, root);
  } catch (error) {
    if (error instanceof GitRefError) throw usage(`${error.message}. In CI, check out with fetch-depth: 0 so the base branch is there.`);
    throw error;
  }
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

  const baseTree = selectContentFiles(await baseFiles(ref, root));
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

