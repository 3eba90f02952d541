/** What the commands that change one award (status, forget) share: its date option and finding it. */
import { LaurelError } from '../core/error.ts';
import { closestAwardId, findAward, normalizeAwardId, type AwardLocation } from './award-files.ts';
import type { ContentFiles } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { isIsoDate } from './roster.ts';
import { usage, type CommandContext } from './cli.ts';

/** The --date option, or today (UTC): the day a change is recorded, not part of any signature. */
export function changeDate(value: string | undefined, context: CommandContext): string {
  const on = value ?? context.now().toISOString().slice(0, 10);
  if (!isIsoDate(on)) throw usage(`--date "${on}" is not a date written YYYY-MM-DD, like 2026-03-14.`);
  return on;
}

/** Exactly one award id was given: checked before other options, so the first problem is named first. */
export function requireOneAward(positionals: readonly string[], usageText: string): void {
  if (positionals.length !== 1) throw usage(`${positionals.length ? 'Give one award id.' : 'Which award? Give its id (the last part of its credential URL).'}\n${usageText}`);
}

/** The content files and the one award the positional argument names (an id or a credential URL). */
export async function loadAward(positionals: readonly string[], usageText: string, root: string): Promise<{ files: ContentFiles; id: string; location: AwardLocation }> {
  requireOneAward(positionals, usageText);
  const id = normalizeAwardId(positionals[0]!);
  const files = await readContentFiles(root);
  const location = findAward(files.awards, id);
  if (location) return { files, id, location };
  const hint = closestAwardId(files.awards, id);
  throw new LaurelError('unknown-award', `No award has the id "${id}" in content/awards/.${hint ? ` Did you mean ${hint}?` : ''} The id is the last part of the credential URL, …/credentials/<id>/.`, {
    field: 'award id',
    received: id,
  });
}
