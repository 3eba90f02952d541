/**
 * npm run import -- roster.csv [--achievement <slug>] [--date YYYY-MM-DD] [--listed | --unlisted]: awards an achievement
 * to every learner of a CSV roster (format: ./roster.ts), one batch file per achievement.
 * All or nothing: one bad row and nothing is written. Learners already awarded are skipped, so a
 * roster can be imported again. Emails go only to a mail-merge file in the git-ignored .laurel/.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemRandom, usedStatusIndices } from './award-files.ts';
import { learnerKeys, linkUnkeyed, writeChanged } from './learner-keys.ts';
import { stackedAwardFiles, stackedLines, writeStackedFiles } from './stack.ts';
import { normalizeEmail } from '../core/identity-hash.ts';
import { validateContent } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { formatError, LaurelError, LaurelErrors } from '../core/error.ts';
import { achievementProblem, indexExistingAwards, isIsoDate, MAIL_MERGE_COLUMNS, mailMergeCsv, parseRoster, planBatches, rosterErrors, splitDuplicates } from './roster.ts';
import { siteUrls } from '../issue/urls.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run import -- roster.csv [--achievement <slug>] [--date YYYY-MM-DD] [--listed | --unlisted]\nThe roster\'s header: name,email,achievement,date,evidence,narrative,result,listed (docs/issuing.md, "Award a whole cohort from a spreadsheet").';
const SHOWN = 50;
const MAIL_MERGE = path.join('.laurel', 'mail-merge');

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: { achievement: { type: 'string' }, date: { type: 'string' }, listed: { type: 'boolean' }, unlisted: { type: 'boolean' } } });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function listRows(rows: readonly number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
}

/** The folder ignores itself, so emails stay out of git even if .gitignore loses its .laurel/ line. */
async function mailMergeFolder(root: string): Promise<string> {
  const folder = path.join(root, MAIL_MERGE);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, '.gitignore'), '# Mail-merge files hold email addresses: never commit them.\n*\n');
  return folder;
}

export async function importRoster(context: CommandContext): Promise<number> {
  const { root } = context;
  const { values, positionals } = parse(context.argv);
  if (positionals.length !== 1) throw usage(`${positionals.length ? 'Give one roster file.' : 'Which roster? Give the path of a CSV file.'}\n${USAGE}`);
  const rosterFile = positionals[0]!;
  if (values.listed && values.unlisted) throw usage(`Give --listed or --unlisted, not both.\n${USAGE}`);
  if (values.date !== undefined && !isIsoDate(values.date)) throw usage(`--date "${values.date}" is not a date written YYYY-MM-DD, like 2026-03-14.`);
  let text: string;
  try {
    text = await readFile(path.resolve(root, rosterFile), 'utf8');
  } catch (error) {
    throw usage(`Cannot read ${rosterFile}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
  }

  const files = await readContentFiles(root);
  const before = validateContent(files);
  if (!before.ok) throw new LaurelErrors(before.errors, 'content/ has errors already: fix them first. Nothing was written.');
  const { content } = before;
  if (values.achievement !== undefined) {
    const problem = achievementProblem(values.achievement, content.achievements);
    if (problem) throw new LaurelError(problem.code, `${problem.message} Nothing was written.`, { field: '--achievement', expected: problem.expected });
  }

  const listed = values.listed ? true : values.unlisted ? false : undefined;
  const roster = parseRoster(text, { achievement: values.achievement, date: values.date, listed, achievements: content.achievements });
  if (!roster.ok) {
    const rows = [...new Set(roster.errors.map((error) => error.row))];
    const more = roster.errors.length > SHOWN ? `\n… and ${roster.errors.length - SHOWN} more.` : '';
    context.err(`${rosterErrors(rosterFile, text, roster.errors.slice(0, SHOWN)).map(formatError).join('\n')}${more}

${plural(roster.errors.length, 'problem')} in ${plural(rows.length, 'row')} of ${rosterFile} (row ${listRows(rows)}). Nothing was written: fix the roster and import it again.`);
    return 1;
  }

  const { fresh, duplicates } = splitDuplicates(roster.rows, indexExistingAwards(content.awards));
  const skipped = duplicates.length ? `Skipped ${plural(duplicates.length, 'row')} already awarded (row ${listRows(duplicates.map((duplicate) => duplicate.row))}).` : '';
  if (!fresh.length) {
    context.out(`0 new awards: every learner in ${rosterFile} already has the award. ${skipped} Nothing was written.`);
    return 0;
  }

  const now = context.now();
  const learners = learnerKeys(content.awards, systemRandom);
  // A row whose email's earlier awards belong to several learners (linked apart with link-awards
  // --unlink) cannot be given one: it is awarded on its own, where the learner can be named.
  const ambiguous = fresh.filter((row) => learners.keyFor(row.email).otherKeys.length);
  if (ambiguous.length) {
    throw new LaurelErrors(
      ambiguous.map((row) => new LaurelError('ambiguous-learner', `row ${row.row}: the earlier awards of this email belong to ${learners.keyFor(row.email).otherKeys.length + 1} learners (${learners.keyFor(row.email).awards.join(', ')}), so the row cannot be given one.`, { file: rosterFile, line: row.row, expected: 'the row left out of the roster and awarded with npm run award -- … --learner-of <award id> (or --new-learner)' })),
      'Nothing was written.',
    );
  }
  const batches = planBatches(fresh, {
    rosterFile,
    existingPaths: new Set(files.awards.map((file) => file.path)),
    usedIndices: usedStatusIndices(content),
    random: systemRandom,
    learners,
    header: ` Imported from ${path.basename(rosterFile)} by npm run import on ${now.toISOString().slice(0, 10)}.`,
  });
  // Each learner once (planBatches looked each email up already: these are the same matches).
  const matches = [...new Set(fresh.map((row) => normalizeEmail(row.email)))].map((email) => learners.keyFor(email));
  // Earlier awards of these learners made before learner keys existed get their key too.
  const linked = linkUnkeyed(files.awards, matches);
  const after = validateContent({ ...files, awards: [...linked.files, ...batches.map((batch) => ({ path: batch.path, text: batch.text }))] });
  if (!after.ok) throw new LaurelErrors(after.errors, 'The new awards would not be valid. Nothing was written.');
  // Blocks that complete a stack: the stacked awards are written with them, in the same pull request.
  const newIds = new Set(batches.flatMap((batch) => batch.awards.map((award) => award.id)));
  const newLearners = new Set(after.content.awards.flatMap((award) => (newIds.has(award.id) && award.learner !== undefined ? [award.learner] : [])));
  const stacked = stackedAwardFiles({ ...files, awards: [...linked.files, ...batches.map((batch) => ({ path: batch.path, text: batch.text }))] }, after.content, systemRandom, newLearners).written;

  // The earlier awards first: a key in them alone is harmless, new awards without them would not be.
  await writeChanged(root, linked);
  for (const batch of batches) {
    await mkdir(path.dirname(path.join(root, batch.path)), { recursive: true });
    await writeFile(path.join(root, batch.path), batch.text, { flag: 'wx' });
  }
  await writeStackedFiles(root, stacked);
  const urls = siteUrls(content.issuer.url);
  const base = path.basename(rosterFile).replace(/\.[^.]*$/, '') || 'roster';
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '');
  const mailMerge = path.join(await mailMergeFolder(root), `${base}-${stamp}.csv`);
  const entries = batches.flatMap((batch) => {
    const achievementName = content.achievements.get(batch.achievement)!.data.name;
    return batch.awards.map(({ row, id }) => ({ name: row.name, email: row.email, achievement: batch.achievement, achievementName, credentialUrl: urls.credentialPage(id) }));
  });
  await writeFile(mailMerge, mailMergeCsv(entries), { mode: 0o600 });

  const written = batches.map((batch) => `  ${batch.path}  ${plural(batch.awards.length, 'award')} of ${content.achievements.get(batch.achievement)!.data.name}`);
  // Each new award's listing as the site will apply it: its row, the option, else issuer.yaml's `earners`.
  const listedCount = after.content.awards.filter((award) => newIds.has(award.id) && award.listed).length;
  const known = matches.filter((match) => match.awards.length).length;
  const unkeyed = matches.reduce((sum, match) => sum + match.unkeyed.length, 0);
  const disagreeing = matches.filter((match) => match.otherKeys.length);
  context.out(`Imported ${plural(fresh.length, 'award')} from ${rosterFile}:
${written.join('\n')}
${stacked.length ? `These awards complete stacks: also wrote ${plural(stacked.length, 'stacked award')}:\n  ${stackedLines(stacked, after.content).join('\n  ')}\n` : ''}Listed: ${listedCount} (named under Recent earners and found by name in search); unlisted: ${newIds.size - listedCount} (reached by their link only).
Learner keys: ${plural(known, 'learner')} had earlier awards and keep their key; ${plural(matches.length - known, 'learner')} got a new one.
${unkeyed ? `${plural(unkeyed, 'earlier award')} of theirs had no learner key yet: written into ${linked.changed.join(', ')}.\n` : ''}${disagreeing.map((match) => `! Earlier awards of one learner carry ${match.otherKeys.length + 1} different learner keys; to give them one: npm run link-awards -- ${match.awards.join(' ')}\n`).join('')}${skipped ? `${skipped}\n` : ''}The email addresses were hashed; they are not stored in content/.

Mail-merge file (${MAIL_MERGE_COLUMNS.join(', ')}) to send each learner their link:
  ${path.relative(root, mailMerge)}
It is in .laurel/, which git ignores: it is never committed. Delete it once the emails are sent.

Commit the new file${batches.length === 1 ? '' : 's'} and open a pull request: the next build signs and publishes the credentials.`);
  return 0;
}

