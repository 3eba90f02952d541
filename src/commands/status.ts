/**
 * npm run revoke -- <award id> --reason "…" [--date YYYY-MM-DD] [--publish-reason]
 * npm run suspend -- <award id> --reason "…" [--date YYYY-MM-DD] [--publish-reason]
 * npm run reinstate -- <award id>
 *
 * Finds the award in content/awards/ (a single file or an entry of a batch), edits it in place,
 * keeping comments and order, validates the whole tree with the change and writes it. Revocation
 * is final; a suspension can be lifted. The reason stays private (the page says only the date)
 * unless --publish-reason writes `publishReason: true`. Exit 0 done, 1 refused (unknown id, already revoked, …),
 * 2 bad usage.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { awardEditError, documentText, findAward, type AwardLocation } from './award-files.ts';
import { LaurelErrors } from '../core/error.ts';
import { validateContent, type AwardRecord } from '../content/validate.ts';
import { changeDate, loadAward, requireOneAward } from './award-lookup.ts';
import { usage, usageFromParseError, type CommandContext } from './cli.ts';


export type StatusAction = 'revoke' | 'suspend' | 'reinstate';

export interface StatusChange {
  /** YYYY-MM-DD or a UTC date-time. */
  readonly on: string;
  readonly reason: string;
  /** Shown on the certificate page too: written as `publishReason: true`. */
  readonly publishReason?: boolean | undefined;
}

export interface EditResult {
  readonly text: string;
  /** Things the person should know, e.g. that the award stays revoked. */
  readonly notes: readonly string[];
}

function describeChange(value: unknown): string {
  const change = value as Partial<StatusChange> | undefined;
  return `on ${String(change?.on ?? '?')}${change?.reason ? ` (${change.reason.replace(/\.$/, '')})` : ''}`;
}

/**
 * revoke sets `revoked` (final), suspend sets `suspended`, reinstate removes `suspended`. Refuses
 * what would be a mistake: the same change twice, suspending a revoked award, undoing a revocation.
 * `change` is required for revoke and suspend.
 */
export function changeStatus(location: AwardLocation, action: StatusAction, change?: StatusChange): EditResult {
  const { data, path, document } = location;
  const label = `The award ${String(data['id'])}`;
  if (location.erased) throw awardEditError(location, 'erased', `${label} was erased; it has no status left to change.`);
  const revoked = data['revoked'];
  const suspended = data['suspended'];
  if (action === 'reinstate') {
    if (!suspended) {
      const final = revoked ? ` It is revoked ${describeChange(revoked)}, and revocation is final: reinstate does not undo it.` : '';
      throw awardEditError(location, 'not-suspended', `${label} is not suspended, so there is nothing to reinstate.${final}`);
    }
    document.deleteIn([...path, 'suspended']);
    return { text: documentText(document), notes: revoked ? [`The suspension is lifted, but the award stays revoked ${describeChange(revoked)}: revocation is final.`] : [] };
  }
  if (!change) throw new TypeError(`${action} needs a date and a reason`);
  if (revoked) {
    if (action === 'revoke') throw awardEditError(location, 'already-revoked', `${label} is already revoked ${describeChange(revoked)}.`);
    throw awardEditError(location, 'revoked', `${label} is revoked ${describeChange(revoked)}, and revocation is final: there is nothing to suspend.`);
  }
  if (action === 'suspend' && suspended) throw awardEditError(location, 'already-suspended', `${label} is already suspended ${describeChange(suspended)}. To change the reason, reinstate it first.`);
  const field = action === 'revoke' ? 'revoked' : 'suspended';
  document.setIn([...path, field], document.createNode({ on: change.on, reason: change.reason, ...(change.publishReason ? { publishReason: true } : {}) }));
  const notes = action === 'revoke'
    ? ['Revocation is final: npm run reinstate cannot undo it. To award the achievement again, use npm run award (a new credential with a new id).']
    : ['npm run reinstate lifts the suspension.'];
  return { text: documentText(document), notes };
}

/**
 * The stacked awards that name this block among their `blocks` and are not revoked: to revoke
 * with it; those in force, to suspend with it; and those suspended, which reinstating the block
 * leaves as they are (they may have been suspended for a reason of their own).
 */
function supportedStacks(awards: readonly AwardRecord[], blockId: string, action: StatusAction): string[] {
  return awards
    .filter((award) => award.blocks.includes(blockId) && !award.revoked)
    .filter((award) => (action === 'revoke' ? true : action === 'suspend' ? !award.suspended : award.suspended !== undefined))
    .map((award) => award.id);
}

const USAGE = `Usage: npm run revoke -- <award id> --reason "…" [--date YYYY-MM-DD] [--publish-reason]
       npm run suspend -- <award id> --reason "…" [--date YYYY-MM-DD] [--publish-reason]
       npm run reinstate -- <award id>`;

const DONE: Record<StatusAction, string> = { revoke: 'Revoked', suspend: 'Suspended', reinstate: 'Reinstated' };

function parse(action: StatusAction, argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: action === 'reinstate' ? {} : { reason: { type: 'string' }, date: { type: 'string' }, 'publish-reason': { type: 'boolean' } },
    });
  } catch (error) {
    throw usageFromParseError(error, USAGE);
  }
}

export async function status(context: CommandContext): Promise<number> {
  const { root } = context;
  const [action, ...argv] = context.argv;
  if (action !== 'revoke' && action !== 'suspend' && action !== 'reinstate') throw usage(`Unknown action ${action ?? '(none)'}: revoke, suspend or reinstate.\n${USAGE}`);
  const { values, positionals } = parse(action, argv);
  const options = values as { reason?: string; date?: string; 'publish-reason'?: boolean };
  requireOneAward(positionals, USAGE); // before --reason, so the first problem is named first
  const reason = options.reason?.trim();
  if (action !== 'reinstate' && !reason) throw usage(`--reason is required: a sentence kept in the award file (the certificate page shows it only with --publish-reason), e.g. --reason "Awarded in error".\n${USAGE}`);
  const on = changeDate(options.date, context);

  const { files, id, location } = await loadAward(positionals, USAGE, root);
  const publishReason = options['publish-reason'] === true;
  const result = changeStatus(location, action, reason ? { on, reason, publishReason } : undefined);
  let awards = files.awards.map((file) => (file === location.file ? { path: file.path, text: result.text } : file));
  let validated = validateContent({ ...files, awards });
  if (!validated.ok) throw new LaurelErrors(validated.errors, 'content/ would not be valid after this change. Nothing was written.');
  // A block revoked or suspended takes the stacked awards it supports with it (docs/stacks.md).
  const stacked = action === 'reinstate' ? [] : supportedStacks(validated.content.awards, id, action);
  for (const stackedId of stacked) {
    const stackedLocation = findAward(awards, stackedId)!;
    const cascaded = changeStatus(stackedLocation, action, { on, reason: `${action === 'revoke' ? 'Revoked' : 'Suspended'} with its block ${id}: ${reason!}`, publishReason });
    awards = awards.map((file) => (file === stackedLocation.file ? { path: file.path, text: cascaded.text } : file));
  }
  if (stacked.length) validated = validateContent({ ...files, awards });
  if (!validated.ok) throw new LaurelErrors(validated.errors, 'content/ would not be valid after this change. Nothing was written.');
  const changed = awards.filter((file, index) => file.text !== files.awards[index]!.text);
  for (const file of changed) await writeFile(path.join(root, file.path), file.text);
  const heldBy = action === 'reinstate' ? supportedStacks(validated.content.awards, id, action) : [];

  const recipient = location.data['recipient'] as { name?: string } | undefined;
  const who = `${recipient?.name ?? 'the learner'}, ${location.achievement}`;
  const what = action === 'reinstate' ? '' : ` on ${on}: ${reason}${publishReason ? ' (published on the certificate page)' : ' (kept private: the page gives only the date)'}`;
  context.out(`${DONE[action]} ${id} (${who})${what}
  edited ${location.file.path}:${location.line}
${stacked.length ? `${action === 'revoke' ? 'Revoked' : 'Suspended'} with it, as ${stacked.length === 1 ? 'a stacked award' : 'stacked awards'} it supports: ${stacked.join(', ')} (${changed.map((file) => file.path).filter((file) => file !== location.file.path).join(', ') || location.file.path}).\n` : ''}${heldBy.length ? `The stacked ${heldBy.length === 1 ? 'award' : 'awards'} this block supports (${heldBy.join(', ')}) ${heldBy.length === 1 ? 'stays' : 'stay'} suspended: npm run reinstate -- <id> lifts ${heldBy.length === 1 ? 'it' : 'each'}.\n` : ''}${result.notes.map((note) => `${note}\n`).join('')}
Commit the change and open a pull request: the next build publishes the new status in the status list${action === 'reinstate' ? '' : ' and on the certificate page'}.`);
  return 0;
}

