/**
 * npm run check: validates content/ and keys/ without signing anything, lists every error at
 * once, and warns about awards that expire in the next 30 days. Exit 0 valid, 1 invalid.
 */
import { validateContent } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { errorCount, LaurelErrors } from '../core/error.ts';
import { currentKey, readKeyFiles } from '../issue/keys.ts';
import { usage, type CommandContext } from './cli.ts';

const DAY = 24 * 60 * 60 * 1000;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export async function check(context: CommandContext): Promise<number> {
  const { root } = context;
  const args = [...context.argv];
  if (args.length) throw usage(`npm run check takes no options (got ${args[0]}).`);
  const result = validateContent(await readContentFiles(root));
  if (!result.ok) throw new LaurelErrors(result.errors, `${errorCount(result.errors)} in content/. Nothing was built.`);
  const keys = await readKeyFiles(root);
  const current = currentKey(keys);
  const { content } = result;
  const live = content.awards;
  const count = (predicate: (award: (typeof live)[number]) => boolean) => live.filter(predicate).length;
  context.out(`✓ content/ is valid: ${plural(content.achievements.size, 'achievement')}, ${plural(live.length, 'award')} (${count((award) => !!award.revoked)} revoked, ${count((award) => !!award.suspended)} suspended, ${count((award) => !award.listed)} unlisted), ${content.erased.length} erased.`);
  context.out(current ? `✓ keys/: current key ${current.publicKeyMultibase} (${current.file}), ${plural(keys.length - 1, 'other key')}.` : '! keys/: no current key yet. Local builds use a development key; run npm run keygen before publishing.');

  const now = context.now().getTime();
  const soon = live
    .filter((award) => award.validUntil && !award.revoked && Date.parse(award.validUntil) > now && Date.parse(award.validUntil) <= now + 30 * DAY)
    .sort((a, b) => a.validUntil!.localeCompare(b.validUntil!));
  if (soon.length) {
    context.out(`\n${plural(soon.length, 'award')} ${soon.length === 1 ? 'expires' : 'expire'} in the next 30 days:`);
    for (const award of soon) context.out(`  ${award.validUntil!.slice(0, 10)}  ${award.recipient.name}, ${award.achievement} (${award.id}, ${award.origin.file}:${award.origin.line})`);
  }
  return 0;
}

