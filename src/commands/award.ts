/**
 * npm run award -- <achievement> --name "…" --email … [--date YYYY-MM-DD] [--evidence URL]
 * [--narrative "…"] [--result [key=]value]… [--credits N] [--listed | --unlisted]: writes one award file. The email is hashed with a fresh salt and
 * never written; the whole content tree is validated with the new file before anything is written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EMAIL_PATTERN, normalizeEmail } from '../core/identity-hash.ts';
import { newAwardEntry, singleAwardPath, singleAwardYaml, systemRandom, usedStatusIndices } from './award-files.ts';
import { learnerKeys, newLearnerKey, withLearnerKey, writeChanged, type LearnerMatch } from './learner-keys.ts';
import { normalizeAwardId } from './award-files.ts';
import { validateContent } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { LaurelError, LaurelErrors } from '../core/error.ts';
import { achievementProblem, isIsoDate } from './roster.ts';
import { normalizeResultValue } from '../content/results.ts';
import type { AchievementRecord, AwardRecord } from '../content/validate.ts';
import { siteUrls } from '../issue/urls.ts';
import { webUrl } from '../content/schemas/common.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';
import { stackedAwardFiles, stackedLines, writeStackedFiles } from './stack.ts';

const USAGE = 'Usage: npm run award -- <achievement> --name "Full Name" --email learner@example.org [--date YYYY-MM-DD] [--evidence URL] [--narrative "…"] [--result [key=]VALUE]… [--credits N] [--listed | --unlisted] [--learner-of <award id> | --new-learner]';

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        email: { type: 'string' },
        date: { type: 'string' },
        evidence: { type: 'string' },
        narrative: { type: 'string' },
        listed: { type: 'boolean' },
        result: { type: 'string', multiple: true },
        credits: { type: 'string' },
        unlisted: { type: 'boolean' },
        'learner-of': { type: 'string' },
        'new-learner': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
}

/**
 * `--result 91` for an achievement's only resultDescription, `--result final-score=91` to name one:
 * each value written as the award file writes it ("95%" → "95"). Whether the value fits its
 * description is for the validation of the new file to say, at its line.
 */
function resultsOf(inputs: readonly string[], achievement: AchievementRecord): Array<{ resultDescription: string; value: string }> {
  const descriptions = achievement.data.resultDescriptions;
  const ids = descriptions.map((description) => description.id);
  if (inputs.length && !descriptions.length) throw usage(`--result: ${achievement.slug} defines no resultDescriptions, so there is no result to record (add one in ${achievement.file}).`);
  return inputs.map((input) => {
    const keyed = /^([a-z0-9][a-z0-9-]*)=(.*)$/s.exec(input);
    const description = keyed && ids.includes(keyed[1]!) ? descriptions.find((candidate) => candidate.id === keyed[1]) : descriptions.length === 1 ? descriptions[0] : undefined;
    if (!description) throw usage(`--result "${input}": ${achievement.slug} has several results; say which, like --result ${ids[0]}=VALUE (one of ${ids.join(', ')}).`);
    const value = keyed && description.id === keyed[1] ? keyed[2]! : input;
    return { resultDescription: description.id, value: normalizeResultValue(value, description) };
  });
}

/** `--credits 2.5` (or 2,5) as a number of credits, OB 3.0 creditsEarned. */
function creditsOf(input: string | undefined): number | undefined {
  if (input === undefined) return undefined;
  const text = input.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  if (!/^\d+(\.\d+)?$/.test(text)) throw usage(`--credits "${input}" is not a number of credits (expected a number like 5 or 2.5).`);
  return Number(text);
}

/**
 * The learner of the new award: the one its email's earlier awards name, unless `--learner-of`
 * names another award's (a learner whose email changed) or `--new-learner` a new one (someone
 * else at a shared address). Earlier awards of the email that belong to several learners (linked
 * apart with link-awards --unlink) are refused without one of the two: the command cannot tell
 * whose the new award is.
 */
function chooseLearner(match: LearnerMatch, values: { 'learner-of'?: string | undefined; 'new-learner'?: boolean | undefined }, awards: readonly AwardRecord[]): LearnerMatch {
  if (values['learner-of'] !== undefined && values['new-learner']) throw usage(`Give --learner-of or --new-learner, not both.\n${USAGE}`);
  if (values['new-learner']) return { key: newLearnerKey(systemRandom), awards: [], unkeyed: [], otherKeys: [] };
  if (values['learner-of'] !== undefined) {
    const id = normalizeAwardId(values['learner-of']);
    const award = awards.find((candidate) => candidate.id === id);
    if (!award) throw new LaurelError('unknown-award', `--learner-of: no award has the id "${id}" in content/awards/. Nothing was written.`, { field: '--learner-of', received: id });
    // That award's learner: its key, or, for an award made before keys, a new one it gets too.
    return { key: award.learner ?? newLearnerKey(systemRandom), awards: [award.id], unkeyed: award.learner ? [] : [award.id], otherKeys: [] };
  }
  if (match.otherKeys.length) {
    throw new LaurelError('ambiguous-learner', `The earlier awards of this email belong to ${match.otherKeys.length + 1} learners (${match.awards.join(', ')}): say whose this award is with --learner-of <award id>, or --new-learner for someone else. Nothing was written.`, { field: '--email' });
  }
  return match;
}

/** What the learner key says of the learner's other awards. */
function learnerLine(match: LearnerMatch, changed: readonly string[]): string {
  const count = match.awards.length;
  if (!count) return 'Learner key: new (no earlier award of this email).';
  const lines = [`Learner key: the same as their ${count === 1 ? 'earlier award' : `${count} earlier awards`}.`];
  if (match.unkeyed.length) lines.push(`${match.unkeyed.length === 1 ? '1 of them had' : `${match.unkeyed.length} of them had`} none yet: written into ${changed.join(', ')}.`);
  return lines.join('\n  ');
}

export async function award(context: CommandContext): Promise<number> {
  const { root } = context;
  const { values, positionals } = parse(context.argv);
  if (positionals.length !== 1) throw usage(`${positionals.length ? 'Give one achievement.' : 'Which achievement? Give its file name in content/achievements/, without .md.'}\n${USAGE}`);
  const achievement = positionals[0]!;
  const name = values.name?.trim();
  if (!name) throw usage(`--name is required: the learner's name as printed on the certificate.\n${USAGE}`);
  if (values.email === undefined) throw usage(`--email is required: it is hashed, and the learner proves the credential is theirs with it.\n${USAGE}`);
  const email = normalizeEmail(values.email);
  // The address is not repeated: it should appear nowhere but in the hash.
  if (!EMAIL_PATTERN.test(email)) throw usage('--email is not an email address (expected something like ada@example.org).');
  const awardedOn = values.date ?? context.now().toISOString().slice(0, 10);
  if (!isIsoDate(awardedOn)) throw usage(`--date "${awardedOn}" is not a date written YYYY-MM-DD, like 2026-03-14.`);
  if (values.listed && values.unlisted) throw usage(`Give --listed or --unlisted, not both.\n${USAGE}`);
  if (values.evidence !== undefined && !webUrl.safeParse(values.evidence).success) throw usage(`--evidence "${values.evidence}" is not a web link (expected an http:// or https:// URL).`);
  const creditsEarned = creditsOf(values.credits);

  const files = await readContentFiles(root);
  const before = validateContent(files);
  if (!before.ok) throw new LaurelErrors(before.errors, 'content/ has errors already: fix them first. Nothing was written.');
  const problem = achievementProblem(achievement, before.content.achievements);
  if (problem) throw new LaurelError(problem.code, `${problem.message} Nothing was written.`, { field: 'achievement', expected: problem.expected });
  const results = resultsOf(values.result ?? [], before.content.achievements.get(achievement)!);
  const learner = chooseLearner(learnerKeys(before.content.awards, systemRandom).keyFor(email), values, before.content.awards);

  const entry = newAwardEntry(
    { name, email, awardedOn, evidenceUrl: values.evidence, narrative: values.narrative, results, creditsEarned, listed: values.listed ? true : values.unlisted ? false : undefined, learner: learner.key },
    usedStatusIndices(before.content),
    systemRandom,
  );
  const file = singleAwardPath(achievement, name, entry.id, awardedOn);
  const text = singleAwardYaml(achievement, entry);
  // Earlier awards of this email made before learner keys existed get the key too.
  const linked = withLearnerKey(files.awards, learner.unkeyed, learner.key);
  const after = validateContent({ ...files, awards: [...linked.files, { path: file, text }] });
  if (!after.ok) throw new LaurelErrors(after.errors, `The new award (${file}) would not be valid. Nothing was written.`);
  // A block that completes a stack: the stacked award is written with it, in the same pull request.
  const stacked = stackedAwardFiles({ ...files, awards: [...linked.files, { path: file, text }] }, after.content, systemRandom, new Set([learner.key])).written;
  // The earlier awards first: a key in them alone is harmless, a new award without them would not be.
  await writeChanged(root, linked);
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  // 'wx': never overwrite, however unlikely a clash of name and id.
  await writeFile(path.join(root, file), text, { flag: 'wx' });
  await writeStackedFiles(root, stacked);

  const urls = siteUrls(before.content.issuer.url);
  const title = before.content.achievements.get(achievement)!.data.name;
  const listed = after.content.awards.find((candidate) => candidate.id === entry.id)!.listed;
  context.out(`Wrote ${file}
  ${name}: ${title}, awarded ${awardedOn} (${listed ? 'listed: named under Recent earners and found by name in search' : 'unlisted: its page is reached by its link only'}).
  The email was hashed; it is not stored.
  ${learnerLine(learner, linked.changed)}

  Certificate page: ${urls.credentialPage(entry.id)}
  Credential JSON:  ${urls.credentialJson(entry.id)}
${stacked.length ? `\nThis award completes a stack: also wrote\n  ${stackedLines(stacked, after.content).join('\n  ')}\n` : ''}
Commit the ${stacked.length ? 'files' : 'file'} and open a pull request: the next build signs and publishes the ${stacked.length ? 'credentials' : 'credential at these URLs'}.`);
  return 0;
}

