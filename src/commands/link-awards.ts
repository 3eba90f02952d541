/**
 * npm run link-awards -- <award id> <award id>…: gives these awards one learner key, as the
 * awards of one person (their email changed, or they were awarded before learner keys existed),
 * and every other award that shared a key with one of them.
 * npm run link-awards -- --unlink <award id>: gives an award a key of its own, when it was linked
 * to someone else's by mistake. Learner keys are kept in content/ and never published
 * (./learner-keys.ts); the whole content tree is validated before anything is written.
 */
import { parseArgs } from 'node:util';
import { validateContent } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { LaurelError, LaurelErrors } from '../core/error.ts';
import { closestAwardId, findAward, normalizeAwardId, systemRandom } from './award-files.ts';
import { newLearnerKey, withLearnerKey, writeChanged } from './learner-keys.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';

const USAGE = 'Usage: npm run link-awards -- <award id> <award id>…   or   npm run link-awards -- --unlink <award id>';

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: { unlink: { type: 'boolean' } } });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
}

export async function linkAwards(context: CommandContext): Promise<number> {
  const { root } = context;
  const { values, positionals } = parse(context.argv);
  if (values.unlink && positionals.length !== 1) throw usage(`--unlink takes one award id.\n${USAGE}`);
  if (!values.unlink && positionals.length < 2) throw usage(`${positionals.length ? 'Give two awards or more to link, or --unlink to separate one.' : 'Which awards? Give the ids of two awards or more (the last part of their credential URLs).'}\n${USAGE}`);
  const ids = [...new Set(positionals.map(normalizeAwardId))];

  const files = await readContentFiles(root);
  const before = validateContent(files);
  if (!before.ok) throw new LaurelErrors(before.errors, 'content/ has errors already: fix them first. Nothing was written.');
  for (const id of ids) {
    if (findAward(files.awards, id)) continue;
    const hint = closestAwardId(files.awards, id);
    throw new LaurelError('unknown-award', `No award has the id "${id}" in content/awards/.${hint ? ` Did you mean ${hint}?` : ''} Nothing was written.`, { field: 'award id', received: id });
  }
  const records = new Map(before.content.awards.map((award) => [award.id, award]));
  // The key the awards share: the first given that has one. Linking joins whole learners: every
  // award that shares a key with one of those given gets the new key too, so no learner stays split.
  const keys = new Set(ids.flatMap((id) => records.get(id)?.learner ?? []));
  const key = values.unlink ? newLearnerKey(systemRandom) : (ids.map((id) => records.get(id)?.learner).find((candidate) => candidate !== undefined) ?? newLearnerKey(systemRandom));
  const joined = values.unlink ? [] : before.content.awards.filter((award) => award.learner !== undefined && keys.has(award.learner) && award.learner !== key && !ids.includes(award.id)).map((award) => award.id);
  const linked = withLearnerKey(files.awards, [...ids, ...joined], key);
  const after = validateContent({ ...files, awards: linked.files });
  if (!after.ok) throw new LaurelErrors(after.errors, 'content/ would not be valid after this change. Nothing was written.');
  await writeChanged(root, linked);

  const others = values.unlink ? [] : [...before.content.awards.filter((award) => award.learner === key && !ids.includes(award.id)).map((award) => award.id), ...joined];
  context.out(`${values.unlink ? `${ids[0]} has a learner key of its own now` : `Linked ${ids.length} awards as one learner's${others.length ? `, with the ${others.length === 1 ? 'award' : `${others.length} awards`} already sharing their keys (${others.join(', ')})` : ''}`}:
  ${linked.changed.join('\n  ')}
The learner key stays in content/: it is never published.

Commit the change and open a pull request.`);
  return 0;
}
