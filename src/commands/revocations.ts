/**
 * Revocation is final. Bitstring Status List §1 and §2.1: a verifier reads the bit at the
 * credential's statusListIndex; once the issuer has set a revocation bit, a copy of the credential
 * that anyone kept must go on failing, so the bit may never be cleared. A suspension is the
 * status that can be lifted (npm run reinstate). Content validation cannot see this, since it
 * needs the earlier content: the pull request summary compares with the base branch, npm run check
 * with the last commits. Pure: the records are read and validated elsewhere.
 */
import { LaurelError } from '../core/error.ts';
import type { AwardRecord, ErasedRecord, SiteContent } from '../content/validate.ts';
import { withdrawnOn } from '../issue/signed-site.ts';

/** The awards of one state of content/: every award of it, or only those of the files that changed since. */
export type AwardRecords = Pick<SiteContent, 'awards' | 'erased'>;

type AnyAward = AwardRecord | ErasedRecord;

/** The date a record's revocation bit is set from: a live award's revocation, or its erasure (erasing revokes). */
function revokedOn(award: AnyAward): string | undefined {
  return award.kind === 'live' ? award.revoked?.on : withdrawnOn(award);
}

const day = (date: string) => date.slice(0, 10);

const ADVICE = 'A revocation is final: copies of the credential its holder kept must go on failing. Put the revocation back. When a decision may change, suspend instead (npm run suspend, later npm run reinstate).';

/**
 * One error for each award revoked in `before` whose revocation bit `after` would clear: the
 * `revoked:` block was deleted, the award (or its tombstone) was deleted or lost its revocation,
 * or its statusIndex moved. `since` names the earlier state in the messages, e.g. "the base branch".
 * Located in `after` where the award still is, in `before` where it was deleted.
 */
export function undoneRevocations(before: AwardRecords, after: AwardRecords, since: string): LaurelError[] {
  const now = new Map<string, AnyAward>([...after.awards, ...after.erased].map((award) => [award.id, award]));
  const errors: LaurelError[] = [];
  for (const old of [...before.awards, ...before.erased]) {
    const on = revokedOn(old);
    if (on === undefined) continue;
    const award = now.get(old.id);
    const was = `${old.id} was revoked on ${day(on)} (${since})`;
    if (!award) {
      errors.push(new LaurelError('revocation-undone', `${was} and is deleted: its bit in the revocation list would be cleared, so it would verify again. ${ADVICE} To take a learner's data down, use npm run forget: the tombstone keeps the revocation.`, {
        file: old.origin.file, line: old.origin.line, field: 'revoked', expected: `the award ${old.id}, revoked`, received: 'no award with this id',
      }));
    } else if (revokedOn(award) === undefined) {
      errors.push(new LaurelError('revocation-undone', `${was} and is no longer: un-revoking is not allowed. ${ADVICE}`, {
        file: award.origin.file, line: award.origin.line, field: 'revoked', expected: `revoked: with on: ${day(on)}`, received: 'no revoked:',
      }));
    } else if (award.statusIndex !== old.statusIndex) {
      errors.push(new LaurelError('revocation-undone', `${was} at status index ${old.statusIndex}, now ${award.statusIndex}: the bit at ${old.statusIndex} would be cleared, and copies of the credential read that one. Status indices never change once published.`, {
        file: award.origin.file, line: award.origin.line, field: 'statusIndex', expected: String(old.statusIndex), received: String(award.statusIndex),
      }));
    }
  }
  return errors;
}
