/**
 * The site's transparency log (src/issue/transparency-log.ts): builds in sequence append what
 * changed and nothing else, every checkpoint is a consistent extension of the one before, content
 * that contradicts the log is refused, and a previous log that is not this site's is refused too.
 */
import { describe, expect, it } from 'vitest';
import { keyPairFromSeed } from '../../src/core/multikey.ts';
import { openCheckpoint } from '../../src/core/tlog/checkpoint.ts';
import { consistencyProof, inclusionProof, leafHash, rootHash, verifyConsistency, verifyInclusion } from '../../src/core/tlog/merkle.ts';
import { decodeEntry, encodeEntry } from '../../src/core/tlog/entry.ts';
import { extendLog, type ExtendedLog, type Publication, type PublishedLog } from '../../src/issue/transparency-log.ts';
import { LaurelError } from '../../src/core/error.ts';

const PREFIX = 'https://credentials.example.org/log/';
const ORIGIN = 'credentials.example.org/log';
const signer = keyPairFromSeed(new Uint8Array(32).fill(3));
const options = (loggedAt: string) => ({ prefix: PREFIX, trustedKeys: [signer.publicKey], signer, loggedAt });
const id = (n: number) => `https://credentials.example.org/credentials/0000000${n}-award.json`;
const valid = (n: number, sha = 'a'): Extract<Publication, { sha256: string }> => ({ id: id(n), state: 'valid', sha256: sha.repeat(64), issuedOn: '2026-03-14T00:00:00Z' });

/** The log as the next build reads it back from the files this one wrote. */
function readBack(log: ExtendedLog): PublishedLog {
  const checkpoint = new TextDecoder().decode(log.files.find((file) => file.path === 'checkpoint')!.bytes);
  return { checkpoint, entries: log.entries, earlierSizes: log.earlierSizes };
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (LaurelError.is(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  return undefined;
}

describe('the transparency log over three builds', () => {
  const first = extendLog(undefined, [valid(1), valid(2), valid(3)], options('2026-03-14T10:00:00Z'));
  const second = extendLog(readBack(first), [valid(1), { ...valid(2), state: 'revoked', revokedOn: '2026-04-02T00:00:00Z' }, valid(3)], options('2026-04-02T10:00:00Z'));
  const third = extendLog(readBack(second), [valid(1), { ...valid(2), state: 'revoked', revokedOn: '2026-04-02T00:00:00Z' }, { id: id(3), state: 'erased', erasedOn: '2026-05-01T00:00:00Z' }], options('2026-05-01T10:00:00Z'));

  it('appends one entry per event: issued, then revoked, then erased', () => {
    expect(first.appended.map((entry) => `${entry.event} ${entry.id}`)).toEqual([`issued ${id(1)}`, `issued ${id(2)}`, `issued ${id(3)}`]);
    expect(second.appended).toEqual([{ v: 1, event: 'revoked', id: id(2), date: '2026-04-02T00:00:00Z', logged: '2026-04-02T10:00:00Z' }]);
    expect(third.appended.map((entry) => entry.event)).toEqual(['erased']);
    expect(third.credentials.get(id(2))!.entries.map((entry) => `${entry.event} ${entry.date.slice(0, 10)}`)).toEqual(['issued 2026-03-14', 'revoked 2026-04-02']);
    // Nothing changed, nothing appended: the same checkpoint size.
    expect(extendLog(readBack(third), [valid(1), { ...valid(2), state: 'revoked', revokedOn: '2026-04-02T00:00:00Z' }, { id: id(3), state: 'erased', erasedOn: '2026-05-01T00:00:00Z' }], options('2026-06-01T10:00:00Z')).appended).toEqual([]);
  });

  it('signs checkpoints that are consistent extensions of each other, and proves every entry', () => {
    const checkpoints = [first, second, third].map((log) => openCheckpoint(readBack(log).checkpoint, ORIGIN, signer.publicKey)!);
    expect(checkpoints.map((checkpoint) => checkpoint.size)).toEqual([3, 4, 5]);
    for (const [a, b] of [[0, 1], [1, 2], [0, 2]] as const) {
      const proof = consistencyProof(third.tree, checkpoints[a]!.size, checkpoints[b]!.size);
      expect(verifyConsistency(checkpoints[a]!.size, checkpoints[b]!.size, proof, checkpoints[a]!.root, checkpoints[b]!.root)).toBe(true);
    }
    third.entries.forEach((entry, index) => expect(verifyInclusion(index, 5, leafHash(entry), inclusionProof(third.tree, index), checkpoints[2]!.root)).toBe(true));
    expect(rootHash(third.tree)).toEqual(checkpoints[2]!.root);
  });

  it('records ids, hashes and dates only: nothing of the learner', () => {
    for (const bytes of third.entries) {
      const entry = decodeEntry(bytes)!;
      expect(Object.keys(entry).every((key) => ['v', 'event', 'id', 'sha256', 'date', 'logged'].includes(key))).toBe(true);
      expect(encodeEntry(entry)).toEqual(bytes);
    }
    // A second spelling of an entry is not an entry.
    expect(decodeEntry(new TextEncoder().encode(`{"event":"issued","v":1,"id":"${id(1)}","sha256":"${'a'.repeat(64)}","date":"x","logged":"y"}`))).toBeUndefined();
  });

  it('logs a re-signing, a suspension and a reinstatement', () => {
    const resigned = extendLog(readBack(first), [valid(1, 'b'), { ...valid(2), state: 'suspended', suspendedOn: '2026-04-01T00:00:00Z' }, valid(3)], options('2026-04-01T10:00:00Z'));
    expect(resigned.appended.map((entry) => `${entry.event} ${entry.id}`)).toEqual([`re-signed ${id(1)}`, `suspended ${id(2)}`]);
    const reinstated = extendLog(readBack(resigned), [valid(1, 'b'), valid(2), valid(3)], options('2026-04-09T10:00:00Z'));
    expect(reinstated.appended.map((entry) => `${entry.event} ${entry.date}`)).toEqual(['reinstated 2026-04-09T10:00:00Z']);
  });
});

describe('content the log contradicts', () => {
  const first = extendLog(undefined, [valid(1), { ...valid(2), state: 'revoked', revokedOn: '2026-04-02T00:00:00Z' }, { id: id(3), state: 'erased', erasedOn: '2026-05-01T00:00:00Z' }], options('2026-05-01T10:00:00Z'));

  it('is refused with a coded error that names the credential', () => {
    expect(codeOf(() => extendLog(readBack(first), [valid(1), valid(2), { id: id(3), state: 'erased', erasedOn: '2026-05-01T00:00:00Z' }], options('2026-06-01T00:00:00Z')))).toBe(`log-rewrite: ${id(2)}: the log records this credential as revoked, and the content no longer revokes it. Nothing was built.`);
    expect(codeOf(() => extendLog(readBack(first), [valid(1), { ...valid(2), state: 'revoked' }, valid(3)], options('2026-06-01T00:00:00Z')))).toMatch(/^log-rewrite: .*00000003-award\.json: the log records this credential as erased/);
    expect(codeOf(() => extendLog(readBack(first), [{ ...valid(2), state: 'revoked' }, { id: id(3), state: 'erased', erasedOn: '2026-05-01T00:00:00Z' }], options('2026-06-01T00:00:00Z')))).toMatch(/^log-rewrite: .*00000001-award\.json: the log records this credential as issued, and the content has no award for it any more/);
  });
});

describe('a previous log that is not this site\'s', () => {
  const first = extendLog(undefined, [valid(1), valid(2)], options('2026-03-14T10:00:00Z'));
  const previous = readBack(first);

  it('is refused when an entry was changed, dropped or reordered', () => {
    const changed = previous.entries.map((bytes, index) => (index === 0 ? encodeEntry({ ...decodeEntry(bytes)!, date: '2025-01-01T00:00:00Z' }) : bytes));
    expect(codeOf(() => extendLog({ ...previous, entries: changed }, [valid(1), valid(2)], options('x')))).toMatch(/^log-invalid: the previous entries do not hash/);
    expect(codeOf(() => extendLog({ ...previous, entries: [...previous.entries].reverse() }, [valid(1), valid(2)], options('x')))).toMatch(/^log-invalid: the previous entries do not hash/);
    expect(codeOf(() => extendLog({ ...previous, entries: previous.entries.slice(1) }, [valid(1), valid(2)], options('x')))).toBe('log-invalid: the previous checkpoint is of 2 entries, and 1 were found.');
  });

  it('is refused when its checkpoint is signed by another key, or is of another log', () => {
    const stranger = keyPairFromSeed(new Uint8Array(32).fill(9));
    const forged = extendLog(undefined, [valid(1)], { ...options('x'), signer: stranger });
    expect(codeOf(() => extendLog(readBack(forged), [valid(1)], options('y')))).toBe('log-invalid: the previous checkpoint is not signed by any key in keys/.');
    const elsewhere = extendLog(undefined, [valid(1)], { ...options('x'), prefix: 'https://other.example/log/' });
    expect(codeOf(() => extendLog(readBack(elsewhere), [valid(1)], options('y')))).toBe('log-invalid: the previous checkpoint is not of this log (credentials.example.org/log).');
    // A key rotated since: the previous checkpoint verifies with the retired key, still trusted.
    const rotated = keyPairFromSeed(new Uint8Array(32).fill(4));
    const next = extendLog(previous, [valid(1), valid(2), valid(3)], { ...options('z'), signer: rotated, trustedKeys: [rotated.publicKey, signer.publicKey] });
    expect(next.appended).toHaveLength(1);
  });

  it('keeps the partial tiles of earlier checkpoints', () => {
    const grown = extendLog(previous, [valid(1), valid(2), valid(3)], options('z'));
    expect(grown.files.map((file) => file.path).filter((path) => path.includes('.p/')).sort()).toEqual(['tile/0/000.p/2', 'tile/0/000.p/3', 'tile/entries/000.p/2', 'tile/entries/000.p/3']);
  });

  it('publishes the anchors of the previous log on, and refuses one whose checkpoint is not this log\'s at its size', () => {
    const note = first.files.find((file) => file.path === 'checkpoint')!.bytes;
    const anchors = [
      { path: 'anchors/index.json', bytes: new TextEncoder().encode('{"anchors":[{"size":2}]}\n') },
      { path: 'anchors/2.checkpoint', bytes: note },
      { path: 'anchors/2.checkpoint.ots', bytes: new Uint8Array([1, 2, 3]) },
    ];
    const grown = extendLog({ ...previous, anchors }, [valid(1), valid(2), valid(3)], options('z'));
    expect(grown.files.filter((file) => file.path.startsWith('anchors/'))).toEqual(anchors);
    // Listed at a size it is not of, signed by a stranger, or of a log the entries do not make.
    const stranger = keyPairFromSeed(new Uint8Array(32).fill(9));
    const foreign = extendLog(undefined, [valid(1), valid(2)], { ...options('x'), signer: stranger }).files.find((file) => file.path === 'checkpoint')!.bytes;
    const other = extendLog(undefined, [valid(7), valid(8)], options('x')).files.find((file) => file.path === 'checkpoint')!.bytes;
    for (const [file, bytes] of [['anchors/1.checkpoint', note], ['anchors/2.checkpoint', foreign], ['anchors/2.checkpoint', other], ['anchors/3.checkpoint', note]] as const) {
      expect(codeOf(() => extendLog({ ...previous, anchors: [{ path: file, bytes }] }, [valid(1), valid(2), valid(3)], options('z')))).toMatch(new RegExp(`^log-invalid: the timestamped checkpoint ${file.replace('.', '\\.')} of the previous log is not this log's checkpoint`));
    }
  });
});
