/**
 * npm run stack: writes an award file for every learner who holds the blocks of a stacked
 * achievement (its `requires`) and has no award of it yet (src/content/stacks.ts). The file is
 * an award like any other, reviewed in a pull request: its id and status index are chosen once,
 * here, so that no later build can change them, and its `blocks` name the awards it was earned
 * with, which the credential carries as evidence. `npm run award` and `npm run import` call it
 * for the learners they award.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pickStatusIndex, singleAwardPath, singleAwardYaml, systemRandom, usedStatusIndices, type AwardEntry, type RandomSource } from './award-files.ts';
import { validateContent, type AwardRecord, type SiteContent, type SourceFile } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { dueStacks, stackRule, type DueStack } from '../content/stacks.ts';
import { isListed } from '../content/privacy.ts';
import { LaurelErrors } from '../core/error.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run stack [-- --dry-run]';

/** A dateTimeStamp as award files write it: the date alone at midnight UTC. */
function awardFileDate(dateTime: string): string {
  return dateTime.endsWith('T00:00:00Z') ? dateTime.slice(0, 10) : dateTime;
}

/**
 * The award entry of a due stack. The recipient is the one of the latest block, hashed identity
 * and all: the stacked credential names its blocks as evidence, so it is linked to them anyway,
 * and the email that could be hashed afresh is stored nowhere. Listed only if every block is.
 */
function stackedEntry(due: DueStack<AwardRecord>, content: SiteContent, used: Set<number>, random: RandomSource): AwardEntry {
  const latest = due.blocks.reduce((a, b) => (a.awardedOn >= b.awardedOn ? a : b));
  const entry: AwardEntry = {
    id: random.uuid(),
    statusIndex: pickStatusIndex(used, random),
    learner: due.learner,
    recipient: { name: latest.recipient.name, identity: { ...latest.recipient.identity }, ...(latest.recipient.id === undefined ? {} : { id: latest.recipient.id }) },
    awardedOn: awardFileDate(due.awardedOn),
    blocks: due.blocks.map((block) => block.id),
  };
  const listed = due.blocks.every((block) => block.listed);
  if (listed !== isListed({}, content.issuer)) entry['listed'] = listed;
  return entry;
}

export interface StackedFile {
  readonly file: SourceFile;
  readonly due: DueStack<AwardRecord>;
  readonly id: string;
}

/**
 * The award files of every stack due, for the learners `only` names (all when absent), made
 * until nothing more is due, so that a stack of stacks is awarded in the same run as the stack
 * it needs. Each round is validated with the files of the rounds before: a stacked award counts
 * as a block only once it is an award.
 */
export function stackedAwardFiles(files: { readonly awards: readonly SourceFile[] } & Parameters<typeof validateContent>[0], content: SiteContent, random: RandomSource, only?: ReadonlySet<string>): { files: SourceFile[]; written: StackedFile[]; content: SiteContent } {
  let current = content;
  let awards = [...files.awards];
  const written: StackedFile[] = [];
  for (let round = 0; round <= current.achievements.size; round++) {
    const due = dueStacks(current).filter((stack) => !only || only.has(stack.learner));
    if (!due.length) break;
    const used = usedStatusIndices(current);
    for (const stack of due) {
      const entry = stackedEntry(stack, current, used, random);
      const file = { path: singleAwardPath(stack.achievement, String((entry['recipient'] as { name: string }).name), entry.id, String(entry['awardedOn'])), text: singleAwardYaml(stack.achievement, entry) };
      awards.push(file);
      written.push({ file, due: stack, id: entry.id });
    }
    const validated = validateContent({ ...files, awards });
    if (!validated.ok) throw new LaurelErrors(validated.errors, 'The stacked awards would not be valid. Nothing was written.');
    current = validated.content;
  }
  return { files: awards, written, content: current };
}

/** Writes the new files, never over an existing one. */
export async function writeStackedFiles(root: string, written: readonly StackedFile[]): Promise<void> {
  for (const { file } of written) {
    await mkdir(path.dirname(path.join(root, file.path)), { recursive: true });
    await writeFile(path.join(root, file.path), file.text, { flag: 'wx' });
  }
}

/** One line per stacked award written: where, whose, what, when, and with which blocks. */
export function stackedLines(written: readonly StackedFile[], content: SiteContent): string[] {
  return written.map(({ file, due }) => {
    const name = content.achievements.get(due.achievement)?.data.name ?? due.achievement;
    const learner = due.blocks.reduce((a, b) => (a.awardedOn >= b.awardedOn ? a : b)).recipient.name;
    return `${file.path}\n    ${learner}: ${name}, earned ${due.awardedOn.slice(0, 10)} with ${due.blocks.map((block) => block.id).join(', ')}`;
  });
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: false, options: { 'dry-run': { type: 'boolean' } } });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
}

export async function stack(context: CommandContext): Promise<number> {
  const { values } = parse(context.argv);
  const files = await readContentFiles(context.root);
  const before = validateContent(files);
  if (!before.ok) throw new LaurelErrors(before.errors, 'content/ has errors already: fix them first. Nothing was written.');
  const stacks = [...before.content.achievements.values()].filter((record) => stackRule(record));
  if (!stacks.length) throw usage('No achievement stacks others: give one a `requires` list of blocks (docs/stacks.md).');
  const { written } = stackedAwardFiles(files, before.content, systemRandom);
  const blockSlugs = new Set(stacks.flatMap((record) => stackRule(record)!.achievements));
  const unkeyed = before.content.awards.filter((award) => blockSlugs.has(award.achievement) && award.learner === undefined).length;
  const note = unkeyed ? `\n${unkeyed === 1 ? '1 award of a block has' : `${unkeyed} awards of blocks have`} no learner key and count${unkeyed === 1 ? 's' : ''} towards no stack: npm run link-awards gives a learner's awards one key.` : '';
  if (!written.length) {
    context.out(`No stacked award is due: every learner who holds the blocks of ${stacks.map((record) => record.slug).join(', ')} has an award of it.${note}`);
    return 0;
  }
  if (!values['dry-run']) await writeStackedFiles(context.root, written);
  context.out(`${values['dry-run'] ? 'Would write' : 'Wrote'} ${written.length === 1 ? '1 stacked award' : `${written.length} stacked awards`}:
  ${stackedLines(written, before.content).join('\n  ')}${note}
${values['dry-run'] ? '' : '\nCommit the files and open a pull request: the next build signs and publishes the credentials, each with its blocks as evidence.'}`);
  return 0;
}
