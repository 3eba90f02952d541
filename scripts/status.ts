/**
 * npm run revoke -- <award id> --reason "…" [--date YYYY-MM-DD]
 * npm run suspend -- <award id> --reason "…" [--date YYYY-MM-DD]
 * npm run reinstate -- <award id>
 *
 * Finds the award in content/awards/ (a single file or an entry of a batch), edits it in place,
 * keeping comments and order, validates the whole tree with the change and writes it. Revocation
 * is final; a suspension can be lifted. Exit 0 done, 1 refused (unknown id, already revoked, …),
 * 2 bad usage.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AwardEditError, changeStatus, type StatusAction } from '../src/build/award-record.ts';
import { validateContent } from '../src/build/content.ts';
import { formatContentError } from '../src/build/content-error.ts';
import { changeDate, loadAward, requireOneAward } from './lib/award-lookup.ts';
import { root, run, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run revoke -- <award id> --reason "…" [--date YYYY-MM-DD]
       npm run suspend -- <award id> --reason "…" [--date YYYY-MM-DD]
       npm run reinstate -- <award id>`;

const DONE: Record<StatusAction, string> = { revoke: 'Revoked', suspend: 'Suspended', reinstate: 'Reinstated' };

function parse(action: StatusAction) {
  try {
    return parseArgs({
      args: process.argv.slice(3),
      allowPositionals: true,
      options: action === 'reinstate' ? {} : { reason: { type: 'string' }, date: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional[\s\S]*$/, '.')}\n${USAGE}`);
  }
}

async function main(): Promise<number> {
  const action = process.argv[2];
  if (action !== 'revoke' && action !== 'suspend' && action !== 'reinstate') throw new UsageError(`Unknown action ${action ?? '(none)'}: revoke, suspend or reinstate.\n${USAGE}`);
  const { values, positionals } = parse(action);
  const options = values as { reason?: string; date?: string };
  requireOneAward(positionals, USAGE); // before --reason, so the first problem is named first
  const reason = options.reason?.trim();
  if (action !== 'reinstate' && !reason) throw new UsageError(`--reason is required: a sentence shown on the certificate page, e.g. --reason "Awarded in error".\n${USAGE}`);
  const on = changeDate(options.date);

  const { files, id, location } = await loadAward(positionals, USAGE);
  let result;
  try {
    result = changeStatus(location, action, reason ? { on, reason } : undefined);
  } catch (error) {
    if (!(error instanceof AwardEditError)) throw error;
    console.error(`${error.message}\n  ${location.file.path}:${location.line}\nNothing was changed.`);
    return 1;
  }
  const validated = validateContent({ ...files, awards: files.awards.map((file) => (file === location.file ? { path: file.path, text: result.text } : file)) });
  if (!validated.ok) {
    console.error(`${validated.errors.map(formatContentError).join('\n')}\n\ncontent/ would not be valid after this change. Nothing was written.`);
    return 1;
  }
  await writeFile(path.join(root, location.file.path), result.text);

  const recipient = location.data['recipient'] as { name?: string } | undefined;
  const who = `${recipient?.name ?? 'the learner'}, ${location.achievement}`;
  const what = action === 'reinstate' ? '' : ` on ${on}: ${reason}`;
  console.log(`${DONE[action]} ${id} (${who})${what}
  edited ${location.file.path}:${location.line}
${result.notes.map((note) => `${note}\n`).join('')}
Commit the change and open a pull request: the next build publishes the new status in the status list${action === 'reinstate' ? '' : ' and on the certificate page'}.`);
  return 0;
}

await run(main);
