/**
 * npm run check: validates content/ and keys/ without signing anything, lists every error at
 * once, refuses content that undoes a revocation of the last commits, and warns about achievements
 * missing a translation into a site language and about awards that expire in the next 30 days,
 * and reports what each achievement marked as an EU micro-credential misses of Annex I.
 * With --rncp <export>, checks the achievements' RNCP alignments against France Compétences'
 * register (src/content/rncp-register.ts). Exit 0 valid (warnings or not), 1 invalid, 2 bad usage.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { validateContent, type AwardRecord, type ErasedRecord, type SiteContent } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { listingNotice } from '../content/privacy.ts';
import { annexIReportLines, annexIReports } from '../content/annex-i.ts';
import { errorCount, formatWarning, LaurelError, LaurelErrors, sortErrors } from '../core/error.ts';
import { currentKey, readKeyFiles } from '../issue/keys.ts';
import { refusePastedSecrets } from '../issue/pasted-secrets.ts';
import { usage, type CommandContext } from './cli.ts';
import { checkAgainstRegister, rncpCertificationsNamed, rncpRegisterReader, type RegisterCheck } from '../content/rncp-register.ts';
import { selectContentFiles } from './content-diff.ts';
import { changedSince, filesAt, headAndParents } from './git-files.ts';
import { undoneRevocations } from './revocations.ts';

const DAY = 24 * 60 * 60 * 1000;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The revocations of HEAD and of each parent of HEAD that the working tree would undo. HEAD
 * catches an edit not yet committed; its first parent, the commit just made; and in a pull
 * request's check, where actions/checkout checks out the merge commit, the first parent is the base
 * branch. git rather than dist/: dist/ holds whatever was last built on this machine, from any
 * branch, and CI has none, while the commits are the same everywhere. Only the award files that
 * differ from the working tree are read: an unchanged file keeps its revocations.
 */
async function revocationsUndone(root: string, content: SiteContent): Promise<{ readonly compared: number; readonly errors: LaurelError[] }> {
  const commits = await headAndParents(root);
  const earlier = new Map<string, { readonly award: AwardRecord | ErasedRecord; readonly since: string }>();
  for (const [position, commit] of commits.entries()) {
    // All of content/: an award linked from content/awards/ may live elsewhere in it.
    const changed = new Set(await changedSince(commit, root, 'content'));
    if (![...changed].some((file) => file.startsWith('content/awards/') || !file.startsWith('content/achievements/'))) continue;
    const { files } = selectContentFiles(await filesAt(commit, root, (file) => !file.startsWith('content/awards/') || changed.has(file)));
    const result = validateContent(files);
    // Content that did not validate was never built, so it published no revocation.
    if (!result.ok) continue;
    const since = position === 0 ? 'in HEAD' : `in HEAD^${position}, ${commit.slice(0, 7)}`;
    for (const award of [...result.content.awards, ...result.content.erased]) if (!earlier.has(award.id)) earlier.set(award.id, { award, since });
  }
  const bySince = Map.groupBy(earlier.values(), ({ since }) => since);
  const errors = [...bySince].flatMap(([since, entries]) => {
    const awards = entries.map(({ award }) => award);
    return undoneRevocations({ awards: awards.filter((award) => award.kind === 'live'), erased: awards.filter((award) => award.kind === 'erased') }, content, since);
  });
  return { compared: commits.length, errors: sortErrors(errors) };
}

const USAGE = 'Usage: npm run check [-- --rncp <France Compétences export, export_fiches_RNCP_V4_1_….xml>]';

function parse(argv: readonly string[]): { rncp?: string | undefined } {
  const args = [...argv];
  if (!args.length) return {};
  if (args[0] !== '--rncp') throw usage(`npm run check takes no options but --rncp (got ${args[0]}).\n${USAGE}`);
  if (args.length !== 2 || !args[1]) throw usage(`--rncp takes the path of the register's export.\n${USAGE}`);
  return { rncp: args[1] };
}

/** The RNCP alignments of the achievements against the register's export, read as a stream. */
async function registerCheck(root: string, file: string, content: SiteContent, texts: ReadonlyMap<string, string>): Promise<RegisterCheck> {
  const reader = rncpRegisterReader(rncpCertificationsNamed(content.achievements.values()));
  const notXml = (error: unknown) => usage(`--rncp: ${file} is not France Compétences' XML export: ${(error as Error).message.split('\n')[0]}.\n${USAGE}`);
  const where = path.resolve(root, file);
  try {
    for await (const chunk of createReadStream(where, { encoding: 'utf8' })) {
      try {
        reader.write(chunk as string);
      } catch (error) {
        throw notXml(error);
      }
    }
  } catch (error) {
    if (LaurelError.is(error)) throw error;
    throw usage(`--rncp: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).\n${USAGE}`);
  }
  let register;
  try {
    register = reader.close();
  } catch (error) {
    throw notXml(error);
  }
  return checkAgainstRegister(content.achievements.values(), texts, register, path.basename(file));
}

/** How many learners a stack is due for that check names one by one; the rest are counted. */
const STACKS_DUE_LISTED = 10;

/**
 * The warnings, with the stacks due beyond the first few told as one: a site that adds `requires`
 * to a programme it has awarded for years has a warning per learner, which `npm run stack` answers
 * at once.
 */
function shortenedStacksDue(warnings: readonly LaurelError[]): LaurelError[] {
  const due = warnings.filter((warning) => warning.code === 'stack-due');
  if (due.length <= STACKS_DUE_LISTED) return [...warnings];
  const kept = new Set(due.slice(0, STACKS_DUE_LISTED));
  const rest = due.length - STACKS_DUE_LISTED;
  return [
    ...warnings.filter((warning) => warning.code !== 'stack-due' || kept.has(warning)),
    new LaurelError('stack-due', `and ${rest.toLocaleString('en')} more learners hold the blocks of a stack and have no award of it yet.`, { expected: 'npm run stack, which writes all their stacked awards at once (npm run stack -- --dry-run lists them)' }),
  ];
}

export async function check(context: CommandContext): Promise<number> {
  const { root } = context;
  const options = parse(context.argv);
  const files = await readContentFiles(root);
  // Before validation, whose errors may quote a value: a pasted secret is never repeated.
  refusePastedSecrets(files, []);
  const result = validateContent(files);
  if (!result.ok) throw new LaurelErrors(result.errors, `${errorCount(result.errors)} in content/. Nothing was built.`);
  const { content } = result;
  const revocations = await revocationsUndone(root, content);
  if (revocations.errors.length) throw new LaurelErrors(revocations.errors, `${errorCount(revocations.errors)} in content/: un-revoking is not allowed. Nothing was built.`);
  const rncp = options.rncp === undefined ? undefined : await registerCheck(root, options.rncp, content, new Map(files.achievements.map((file) => [file.path, file.text])));
  if (rncp?.errors.length) throw new LaurelErrors(sortErrors(rncp.errors), `${errorCount(rncp.errors)} in content/: RNCP alignments that the register (${path.basename(options.rncp!)}) does not confirm.`);
  const keys = await readKeyFiles(root);
  const current = currentKey(keys);
  const live = content.awards;
  const count = (predicate: (award: (typeof live)[number]) => boolean) => live.filter(predicate).length;
  context.out(`✓ content/ is valid: ${plural(content.achievements.size, 'achievement')}, ${plural(live.length, 'award')} (${count((award) => !!award.revoked)} revoked, ${count((award) => !!award.suspended)} suspended, ${count((award) => !award.listed)} unlisted), ${content.erased.length} erased.`);
  context.out(revocations.compared
    ? `✓ Every revocation of HEAD${revocations.compared > 1 ? ` and of its ${revocations.compared === 2 ? 'parent' : 'parents'}` : ''} is kept.`
    : '! Not a git repository with commits: revocations were not compared with earlier content.');
  if (rncp) context.out(`✓ ${plural(rncp.checked, 'RNCP alignment')} ${rncp.checked === 1 ? 'matches' : 'match'} the register (${path.basename(options.rncp!)}): codes and titles.`);
  const warnings = shortenedStacksDue([...result.warnings, ...(rncp?.warnings ?? [])]);
  // What may be published as it is but should not be: a missing translation. The build goes on.
  if (warnings.length) context.out(`${warnings.map(formatWarning).join('\n')}\n! ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`} in content/ (the content is valid).`);
  // The Annex I report: for each achievement marked as an EU micro-credential, the mandatory elements it misses.
  const annexI = annexIReportLines(annexIReports(content.achievements.values(), content.issuer));
  if (annexI.length) context.out(annexI.join('\n'));
  const notice = listingNotice(content.issuer);
  if (notice) context.out(`! ${notice.replaceAll('\n', '\n  ')}`);
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
