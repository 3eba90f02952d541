/**
 * Learner keys: the awards of one person carry the same random key (`learner: lk-…`,
 * src/content/schemas/award.ts), so that the build can tell they are one learner's without
 * knowing who. No email is stored to find them by: each award keeps only its email's salted hash,
 * each with its own salt, so a learner's earlier awards are found by hashing the email given to
 * `npm run award` or `npm run import` with each award's salt (OB 3.0 §B.1.4 IdentityHash). The
 * key itself is drawn at random, never derived from the email: knowing the email and the key
 * tells nothing more than the hashes already do, and the key alone tells nothing at all.
 *
 * Hashing with every award's salt costs one SHA-256 per award and per email looked up, the price
 * of a salt per award (which keeps two awards of one email from being linked by anyone else):
 * measured at about 650,000 a second on a shared 2-core machine, an import of 500 learners into a
 * site of 10,000 awards hashes for about 8 seconds.
 */
import { hash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { normalizeEmail } from '../core/identity-hash.ts';
import { isScalar, type YAMLMap } from 'yaml';
import { LaurelError } from '../core/error.ts';
import type { AwardRecord, SourceFile } from '../content/validate.ts';
import { awardEditError, documentText, findAward, type RandomSource } from './award-files.ts';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Lower-case base32 (RFC 4648 §6), without padding. */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      text += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) text += BASE32[(value << (5 - bits)) & 31];
  return text;
}

/** A fresh learner key: 16 random bytes (128 bits), as 26 base32 letters. */
export function newLearnerKey(random: RandomSource): string {
  return `lk-${base32(random.bytes(16))}`;
}

/** What the lookup found for one email. */
export interface LearnerMatch {
  /** The key to write into the new award: the earlier awards', or a fresh one. */
  readonly key: string;
  /** The ids of the earlier awards whose hash matches the email, oldest first. */
  readonly awards: readonly string[];
  /** Those of them with no learner key yet (made before keys existed): `npm run link-awards` gives them this one. */
  readonly unkeyed: readonly string[];
  /** Other keys the matching awards carry, when they disagree (the first one's is kept). */
  readonly otherKeys: readonly string[];
}

export interface LearnerKeys {
  /** The learner key for an email: found among the existing awards, or new (the same one again for the same email). */
  keyFor(email: string): LearnerMatch;
}


/** The learner keys of `awards`, looked up by email as the award and import commands need them. */
export function learnerKeys(awards: readonly AwardRecord[], random: RandomSource): LearnerKeys {
  // Only awards whose identity is a hashed email can match one; oldest first, so the oldest award's key wins.
  const hashed = awards
    .filter((award) => 'hash' in award.recipient.identity && award.recipient.identity.type === 'emailAddress')
    .toSorted((a, b) => a.awardedOn.localeCompare(b.awardedOn) || a.id.localeCompare(b.id))
    .map((award) => {
      const identity = award.recipient.identity as { hash: string; salt: string };
      // The schema allows only `sha256$` and 64 hex digits, in either case.
      return { award, salt: identity.salt, hex: identity.hash.slice('sha256$'.length).toLowerCase() };
    });
  const found = new Map<string, LearnerMatch>();
  return {
    keyFor(email) {
      const normalized = normalizeEmail(email);
      const known = found.get(normalized);
      if (known) return known;
      // SHA-256 of identifier ‖ salt, the OB 3.0 IdentityHash, with node's one-shot hashing, several
      // times faster than the core's portable one for this many.
      const matching = hashed.filter(({ salt, hex }) => hash('sha256', normalized + salt, 'hex') === hex).map(({ award }) => award);
      const keys = [...new Set(matching.flatMap((award) => (award.learner ? [award.learner] : [])))];
      const match: LearnerMatch = {
        key: keys[0] ?? newLearnerKey(random),
        awards: matching.map((award) => award.id),
        unkeyed: matching.filter((award) => !award.learner).map((award) => award.id),
        otherKeys: keys.slice(1),
      };
      found.set(normalized, match);
      return match;
    },
  };
}

/**
 * The award files with `key` as the learner key of each award in `ids` (an erased award has no
 * learner, and is refused), written just after its status index, the rest of each file kept as it
 * was. Returns the files and the paths it changed; the caller validates them, then writes them.
 */
export function withLearnerKey(files: readonly SourceFile[], ids: readonly string[], key: string): { files: SourceFile[]; changed: string[] } {
  let current = [...files];
  const changed = new Set<string>();
  for (const id of ids) {
    const location = findAward(current, id);
    if (!location) throw new LaurelError('unknown-award', `No award has the id "${id}" in content/awards/. Nothing was changed.`, { field: 'award id', received: id });
    if (location.erased) throw awardEditError(location, 'erased', `The award ${id} is erased: it has no learner any more.`);
    const node = (location.path.length ? location.document.getIn(location.path, true) : location.document.contents) as YAMLMap;
    const keyAt = node.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'learner');
    if (keyAt >= 0) node.items[keyAt]!.value = location.document.createNode(key);
    else node.items.splice(node.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'statusIndex') + 1, 0, location.document.createPair('learner', key));
    const text = documentText(location.document);
    current = current.map((file) => (file === location.file ? { path: file.path, text } : file));
    changed.add(location.file.path);
  }
  return { files: current, changed: [...changed] };
}

/** Writes the files `withLearnerKey` changed. */
export async function writeChanged(root: string, linked: { readonly files: readonly SourceFile[]; readonly changed: readonly string[] }): Promise<void> {
  for (const file of linked.files) if (linked.changed.includes(file.path)) await writeFile(path.join(root, file.path), file.text);
}

/** The award files with each match's key written into its earlier awards that had none (`withLearnerKey`, for several learners). */
export function linkUnkeyed(files: readonly SourceFile[], matches: readonly LearnerMatch[]): { files: SourceFile[]; changed: string[] } {
  let current = [...files];
  const changed = new Set<string>();
  for (const match of matches) {
    if (!match.unkeyed.length) continue;
    const linked = withLearnerKey(current, match.unkeyed, match.key);
    current = linked.files;
    for (const file of linked.changed) changed.add(file);
  }
  return { files: current, changed: [...changed] };
}
