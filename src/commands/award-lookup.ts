/** What the commands that change one award (status, forget) share: its date option and finding it. */
import { closestAwardId, findAward, normalizeAwardId, type AwardLocation } from './award-files.ts';
import type { ContentFiles } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { isIsoDate } from './roster.ts';
import { CommandError, root, UsageError } from './cli.ts';

/** The --date option, or today (UTC): the day a change is recorded, not part of any signature. */
export function changeDate(value: string | undefined): string {
  const on = value ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(on)) throw new UsageError(`--date "${on}" is not a date written YYYY-MM-DD, like 2026-03-14.`);
  return on;
}

/** Exactly one award id was given: checked before other options, so the first problem is named first. */
export function requireOneAward(positionals: readonly string[], usage: string): void {
  if (positionals.length !== 1) throw new UsageError(`${positionals.length ? 'Give one award id.' : 'Which award? Give its id (the last part of its credential URL).'}\n${usage}`);
}

/** The content files and the one award the positional argument names (an id or a credential URL). */
export async function loadAward(positionals: readonly string[], usage: string): Promise<{ files: ContentFiles; id: string; location: AwardLocation }> {
  requireOneAward(positionals, usage);
  const id = normalizeAwardId(positionals[0]!);
  const files = await readContentFiles(root);
  const location = findAward(files.awards, id);
  if (location) return { files, id, location };
  const hint = closestAwardId(files.awards, id);
  throw new CommandError(`No award has the id "${id}" in content/awards/.${hint ? ` Did you mean ${hint}?` : ''} The id is the last part of the credential URL, …/credentials/<id>/.`);
}
