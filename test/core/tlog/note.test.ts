/**
 * Signed notes and checkpoints (src/core/tlog/note.ts, checkpoint.ts) against the C2SP
 * specification's example and Go's sumdb/note (test/fixtures/tlog/SOURCES.md), then round trips
 * and tampering.
 */
import { base64 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { keyPairFromSeed } from '../../../src/core/multikey.ts';
import { checkpointText, openCheckpoint, originOf, parseCheckpointText, signCheckpoint } from '../../../src/core/tlog/checkpoint.ts';
import { EMPTY_ROOT } from '../../../src/core/tlog/merkle.ts';
import { keyId, parseNote, parseVerifierKey, signNote, verifierKey, verifyNote } from '../../../src/core/tlog/note.ts';

/** C2SP signed-note.md, §Verifier keys, Example. */
const SPEC_KEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE = 'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';

/** golang/mod sumdb/note/note_test.go, TestSign: the private key (0x01 || seed), its verifier key, a text and its signed note. */
const GO_SECRET = base64.decode('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz').slice(1);
const GO_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('signed notes', () => {
  it('verifies the specification\'s example note with its verifier key', () => {
    const key = parseVerifierKey(SPEC_KEY)!;
    expect(key.name).toBe('example.com/foo');
    expect(verifierKey(key)).toBe(SPEC_KEY);
    expect(verifyNote(SPEC_NOTE, key)).toBe('This is an example message.\n');
  });

  it('signs as Go\'s sumdb/note does, byte for byte, and derives its key ID', () => {
    const { publicKey } = keyPairFromSeed(GO_SECRET);
    const key = { name: 'PeterNeumann', publicKey };
    expect(keyId(key)).toBe(0xc74f20a3);
    expect(verifierKey(key)).toBe(GO_KEY);
    expect(signNote(GO_TEXT, key, GO_SECRET)).toBe(GO_NOTE);
    expect(verifyNote(GO_NOTE, parseVerifierKey(GO_KEY)!)).toBe(GO_TEXT);
  });

  it('refuses a changed text, a changed signature, and a note no trusted key signed; ignores other keys\' lines', () => {
    const key = parseVerifierKey(GO_KEY)!;
    expect(verifyNote(GO_NOTE.replace('problem,', 'problems,'), key)).toBeUndefined();
    expect(verifyNote(GO_NOTE.replace('x08go', 'x08gp'), key)).toBeUndefined();
    expect(verifyNote(SPEC_NOTE, key)).toBeUndefined();
    // A line of another key (a witness's cosignature, a retired key) is ignored, as §Signatures requires.
    const cosigned = `${GO_NOTE}— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n`;
    expect(verifyNote(cosigned, key)).toBe(GO_TEXT);
    // A second line of the same key that fails rejects the note.
    expect(verifyNote(`${GO_NOTE}— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAA=\n`, key)).toBeUndefined();
    // A key with the same name and another ID is another key.
    expect(parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toBeUndefined();
  });

  it('reads only well-formed notes', () => {
    for (const bad of ['', 'text\n', 'text\n\n', 'text\n\n— \n', 'text\n\n— name\n', 'tab\there\n\n— PeterNeumann x08go/ZJ=\n', 'text\n\n— PeterNeumann AAAA\n', GO_NOTE.slice(0, -1), `${GO_TEXT}\n${'— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'.repeat(17)}`]) {
      expect(parseNote(bad), JSON.stringify(bad.slice(0, 40))).toBeUndefined();
    }
    expect(() => signNote('no final newline', { name: 'PeterNeumann', publicKey: new Uint8Array(32) }, GO_SECRET)).toThrow(RangeError);
    expect(() => signNote('text\n', { name: 'has space', publicKey: new Uint8Array(32) }, GO_SECRET)).toThrow(RangeError);
  });
});

describe('checkpoints', () => {
  const { publicKey, secretKey } = keyPairFromSeed(new Uint8Array(32).fill(7));
  const origin = originOf('https://credentials.example.org/log/');

  it('writes the three lines of tlog-checkpoint, signed by the log key named after the origin', () => {
    expect(origin).toBe('credentials.example.org/log');
    const root = new Uint8Array(32).fill(0xab);
    const note = signCheckpoint({ origin, size: 20852163, root }, publicKey, secretKey);
    expect(note.startsWith(`credentials.example.org/log\n20852163\n${base64.encode(root)}\n\n— credentials.example.org/log `)).toBe(true);
    expect(openCheckpoint(note, origin, publicKey)).toEqual({ origin, size: 20852163, root });
    expect(checkpointText({ origin, size: 0, root: EMPTY_ROOT })).toBe('credentials.example.org/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n');
  });

  it('refuses a checkpoint of another origin, another key, or with a changed size or root', () => {
    const note = signCheckpoint({ origin, size: 5, root: EMPTY_ROOT }, publicKey, secretKey);
    expect(openCheckpoint(note, 'other.example/log', publicKey)).toBeUndefined();
    expect(openCheckpoint(note, origin, keyPairFromSeed(new Uint8Array(32).fill(8)).publicKey)).toBeUndefined();
    expect(openCheckpoint(note.replace('\n5\n', '\n6\n'), origin, publicKey)).toBeUndefined();
    expect(openCheckpoint(note.replace('47DEQ', '47DER'), origin, publicKey)).toBeUndefined();
  });

  it('reads the size and root strictly', () => {
    const root = base64.encode(EMPTY_ROOT);
    expect(parseCheckpointText(`a/b\n12\n${root}\nextension\n`)).toMatchObject({ size: 12 });
    for (const bad of [`a/b\n012\n${root}\n`, `a/b\n-1\n${root}\n`, `a/b\n1e3\n${root}\n`, `a/b\n12\nAAAA\n`, `a/b\n12\n${root}`, `a/b\n12\n`, `\n12\n${root}\n`, `a/b\n12\n${root}\n\n`, `a/b\n99999999999999999\n${root}\n`]) {
      expect(parseCheckpointText(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
