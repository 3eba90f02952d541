/**
 * npm run forget -- <award id> [--date YYYY-MM-DD]: erases an award at the learner's request. The
 * award becomes a tombstone (id, status index, erasure date): its name, email hash and salt,
 * learner key, evidence, narrative and results leave content/, a single-award file named after the learner is
 * renamed, and the status index stays reserved. The build revokes every erased award (its bit is
 * set from the erasure date), so the credential is withdrawn, not merely hidden. Git history
 * still holds the old data: the command writes a replacements file for git filter-repo / BFG and
 * says how to scrub it.
 */
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { awardEditError, documentText, renderYaml, shortId, type AwardLocation } from './award-files.ts';
import { personalValues } from '../content/schemas/award.ts';
import { LaurelErrors } from '../core/error.ts';
import { validateContent, type SourceFile } from '../content/validate.ts';
import { changeDate, loadAward } from './award-lookup.ts';
import { usageFromParseError, type CommandContext } from './cli.ts';


/**
 * Replaces an award by its tombstone: the id and status index stay (the URL and the index are never
 * reused), with the erasure date; the recipient, evidence, narrative, results and every other field
 * go. A single-award file is written afresh, so no comment about the learner survives in it.
 */
export function eraseAward(location: AwardLocation, on: string): string {
  const { data, path, document } = location;
  if (location.erased) throw awardEditError(location, 'already-erased', `The award ${String(data['id'])} is already erased.`);
  const id = data['id'];
  const statusIndex = data['statusIndex'];
  // Revocation and suspension survive erasure (dates only: a reason could name the learner), so
  // a copy the learner kept does not start verifying again.
  const kept = Object.fromEntries(
    (['revoked', 'suspended'] as const)
      .filter((field) => data[field] && typeof data[field] === 'object')
      .map((field) => [field, { on: (data[field] as { on: unknown }).on }]),
  );
  if (path.length === 0) return renderYaml({ id, achievement: location.achievement, statusIndex, erased: { on }, ...kept });
  const entries = document.get('awards', true) as YAMLSeq;
  const index = path[1] as number;
  // A new node: comments on the old entry, and the one just above it, go with it, since they are
  // likely about the learner. (yaml keeps a comment above the first item on the list itself.)
  entries.items[index] = document.createNode({ id, statusIndex, erased: { on }, ...kept }) as YAMLMap;
  if (index === 0) delete entries.commentBefore;
  return documentText(document);
}

/** Lines of `text` that contain `needle` (case-insensitive), 1-based. */
export function linesContaining(text: string, needle: string): number[] {
  if (!needle) return [];
  const lower = needle.toLowerCase();
  return text.split('\n').flatMap((line, index) => (line.toLowerCase().includes(lower) ? [index + 1] : []));
}

const USAGE = 'Usage: npm run forget -- <award id> [--date YYYY-MM-DD]';
const ERASE_FOLDER = path.join('.laurel', 'erase');

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: { date: { type: 'string' } } });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
}

interface Personal {
  readonly name: string | undefined;
  /** Text long enough to be this award's alone: the hash, the salt, narratives, links, reasons. */
  readonly unique: string[];
}

/**
 * The shortest text the replacements list holds: a shorter one ("A", "91", "Project") would be
 * replaced in every file of the history, not only in this award.
 */
const SHORTEST_REPLACEMENT = 8;

/**
 * What the history must lose of this award: every personal field (PERSONAL_AWARD_FIELDS), line by
 * line, as parsed and as the award and import commands write it in double quotes (JSON escapes),
 * since git filter-repo and BFG replace text one line of the list at a time.
 */
export function personalData(data: Readonly<Record<string, unknown>>): Personal {
  const values = personalValues(data);
  const name = values.find((entry) => entry.field === 'recipient.name')?.value.trim();
  const unique = values
    .filter((entry) => entry.field !== 'recipient.name')
    .flatMap(({ field, value }) => {
      const text = field === 'recipient.identity.hash' ? value.replace(/^sha256\$/, '') : value;
      return [...text.split(/\r?\n/), ...JSON.stringify(text).slice(1, -1).split('\\n')];
    })
    .map((line) => line.trim())
    .filter((line) => line.length >= SHORTEST_REPLACEMENT);
  return { name, unique: [...new Set(unique)] };
}

/** Where a string still appears in content/ after the erasure: `file:line` for each. */
function traces(files: readonly SourceFile[], needle: string): string[] {
  return files.flatMap((file) => linesContaining(file.text, needle).map((line) => `${file.path}:${line}`));
}

export async function forget(context: CommandContext): Promise<number> {
  const { root } = context;
  const { values, positionals } = parse(context.argv);
  const on = changeDate(values.date, context);

  const { files, id, location } = await loadAward(positionals, USAGE, root);
  const text = eraseAward(location, on);
  const oldPath = location.file.path;
  // A single-award file is usually named after the learner: the name must leave the file name too.
  const single = location.path.length === 0;
  const newPath = single ? `${path.posix.dirname(oldPath)}/${location.achievement}-erased-${shortId(id)}.yaml` : oldPath;
  const awards = files.awards.map((file) => (file === location.file ? { path: newPath, text } : file));
  const validated = validateContent({ ...files, awards });
  if (!validated.ok) throw new LaurelErrors(validated.errors, 'content/ would not be valid after this change. Nothing was written.');
  if (newPath === oldPath) {
    await writeFile(path.join(root, oldPath), text);
  } else {
    await writeFile(path.join(root, newPath), text, { flag: 'wx' });
    await unlink(path.join(root, oldPath));
  }

  // What is left elsewhere in content/: the same learner's other awards, or a comment.
  const { name, unique } = personalData(location.data);
  const all = [...(files.issuer ? [files.issuer] : []), ...files.achievements, ...awards];
  const nameLeft = name ? traces(all, name) : [];
  // Text still in content/ stays out of the list, so that rewriting the history changes no file that stays.
  // The learner key is meant to stay in the learner's other awards: it is said apart.
  const learner = typeof location.data['learner'] === 'string' ? location.data['learner'] : undefined;
  const keyLeft = learner ? traces(all, learner) : [];
  const uniqueLeft = unique.filter((needle) => needle !== learner).flatMap((needle) => traces(all, needle));
  const kept = unique.filter((needle) => !traces(all, needle).length);
  const replacements = [...kept, ...(name && !nameLeft.length ? [name] : [])].map((needle) => `${needle}==>[erased]`);
  const folder = path.join(root, ERASE_FOLDER);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, '.gitignore'), '# Replacement lists hold the personal data they scrub: never commit them.\n*\n');
  const replacementsFile = path.join(ERASE_FOLDER, `${id}.txt`);
  await writeFile(path.join(root, replacementsFile), `${replacements.join('\n')}\n`, { mode: 0o600 });

  const renamed = newPath === oldPath ? '' : `\n  renamed ${oldPath} → ${newPath} (the old file name named the learner)`;
  const warnings = [
    ...(nameLeft.length ? [`! The learner's name still appears in content/ at ${nameLeft.join(', ')}: other awards of theirs, or a comment.\n  Erase those awards too (npm run forget), or edit the comment, if the learner asked for everything to go.\n  The name is left out of ${replacementsFile} so that rewriting the history does not change those files; add it once they are gone.`] : []),
    ...(keyLeft.length ? [`! The learner key of this award still links their other awards, at ${keyLeft.join(', ')}: it is left out of ${replacementsFile}, so that they keep it.\n  Erase those awards too (npm run forget) if the learner asked for everything to go.`] : []),
    ...(uniqueLeft.length ? [`! Data of this award still appears at ${uniqueLeft.join(', ')}: remove it by hand.\n  It is left out of ${replacementsFile}, so that rewriting the history does not change those files; add it once it is gone.`] : []),
  ];
  // Absolute, because the history is rewritten in a fresh clone, not in this folder.
  const list = path.join(root, replacementsFile);
  // The old single file goes from every commit; a batch file stays, rewritten.
  const filterRepo = `git filter-repo --replace-text ${list} --replace-message ${list}${single ? ` --invert-paths --path ${oldPath}` : ''}`;
  const bfg = `java -jar bfg.jar --replace-text ${list}${single ? ` --delete-files ${path.posix.basename(oldPath)}` : ''} YOUR-REPO.git`;
  context.out(`Erased ${id} (${location.achievement}) in ${newPath}:${location.line}${renamed}
  The tombstone keeps the id and status index ${String(location.data['statusIndex'])} (never reused); the name, email hash and salt,
  learner key, evidence, narrative and results are gone from content/. The next build withdraws the credential:
  it sets its revocation bit, so a copy saved before fails verification as revoked; it leaves a page
  without personal data at the credential's address, and removes its JSON and images.
${warnings.length ? `\n${warnings.join('\n')}\n` : ''}
The old data is still in the git history, and in every clone, fork and cache of it. To scrub it,
see README, "Erasing personal data" (step by step: docs/issuing.md, "Erase an award at a learner's request"):
  1. Commit this change, open the pull request and merge it.
  2. In a fresh clone of the repository, rewrite the history with the list written to ${replacementsFile}:
       ${filterRepo}
     or, with BFG, in a mirror clone (git clone --mirror …):
       ${bfg}
       then in YOUR-REPO.git: git reflog expire --expire=now --all && git gc --prune=now --aggressive
  3. Force-push every branch and tag: git push --force --all && git push --force --tags
  4. Everyone with a clone clones again; owners of forks delete or re-sync them. Delete the check runs
     of the pull request that made the award (Actions tab), and ask your git host to purge cached
     views and pull-request refs (GitHub: Support, "Removing sensitive data from a repository").
  5. Delete ${replacementsFile}: it holds the data it scrubs.`);
  return 0;
}

