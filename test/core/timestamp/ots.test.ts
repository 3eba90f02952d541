/**
 * OpenTimestamps proofs (src/core/timestamp/ots.ts) against real ones from the OpenTimestamps
 * repositories and what the reference implementation, python-opentimestamps, makes of each
 * (test/fixtures/opentimestamps/README.md, reference.json): they read, walk and write back as it
 * does them, and the refused ones are refused. Then hostile input (truncated, flipped, over every
 * limit) is refused without a throw, and as properties: random trees write and read back, random
 * bytes never throw, a merge holds the attestations of both sides.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyOp,
  attestationsOf,
  calendarTimestampUrl,
  hashFile,
  HEADER_MAGIC,
  isComplete,
  MAX_DEPTH,
  mergeAtCommitment,
  mergeTimestamps,
  parseDetachedTimestamp,
  parseTimestamp,
  pendingCommitments,
  serializeDetachedTimestamp,
  serializeTimestamp,
  type Attestation,
  type DetachedTimestamp,
  type Op,
  encodeVaruint,
  type Timestamp,
} from '../../../src/core/timestamp/ots.ts';

const FIXTURES = new URL('../../fixtures/opentimestamps/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const PROOFS = (readdirSync(FIXTURES, { recursive: true }) as string[]).filter((name) => name.endsWith('.ots')).sort();

type ReferenceAttestation = { kind: 'pending'; uri: string; commitment: string } | { kind: 'bitcoin' | 'litecoin' | 'ethereum'; height: number; commitment: string } | { kind: 'unknown'; tag: string; payload: string; commitment: string };
type ReferenceProof = { error: string; message: string } | { fileHashOp: string; digest: string; identical: boolean; reserialized?: string; attestations: ReferenceAttestation[] };
interface ReferenceUpgrade { depth: number; uri: string; commitment: string; pendingOnly: string; answer: string; merged: string }
const REFERENCE = JSON.parse(readFileSync(new URL('reference.json', FIXTURES), 'utf8')) as Record<string, ReferenceProof> & { 'upgrade of hello-world.txt.ots': ReferenceUpgrade };

function read(name: string): DetachedTimestamp {
  const parsed = parseDetachedTimestamp(fixture(name));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
  return parsed.value;
}

function asReference({ attestation, commitment }: { attestation: Attestation; commitment: Uint8Array }): ReferenceAttestation {
  const hex = bytesToHex(commitment);
  if (attestation.kind === 'pending') return { kind: 'pending', uri: attestation.uri, commitment: hex };
  if (attestation.kind === 'unknown') return { kind: 'unknown', tag: bytesToHex(attestation.tag), payload: bytesToHex(attestation.payload), commitment: hex };
  return { kind: attestation.kind, height: attestation.height, commitment: hex };
}

describe('the real proofs, as the reference reads and writes them', () => {
  it('has every proof of the fixtures in reference.json', () => {
    expect(PROOFS.length).toBe(19);
    expect(Object.keys(REFERENCE).filter((name) => !name.startsWith('upgrade of ')).sort()).toEqual(PROOFS);
  });

  it.each(PROOFS)('%s', (name) => {
    const reference = REFERENCE[name]!;
    const parsed = parseDetachedTimestamp(fixture(name));
    if ('error' in reference) {
      expect(parsed.ok).toBe(false);
      return;
    }
    if (!parsed.ok) throw new Error(parsed.reason);
    const { fileHashOp, digest, timestamp } = parsed.value;
    expect(fileHashOp.kind).toBe(reference.fileHashOp);
    expect(bytesToHex(digest)).toBe(reference.digest);
    // Every attestation, at the message the reference computes for its node, in its order.
    expect(attestationsOf(timestamp, digest).map(asReference)).toEqual(reference.attestations);
    // Written back byte for byte where the reference does, and as the reference writes it otherwise.
    const written = serializeDetachedTimestamp(parsed.value);
    if (reference.identical) expect(written).toEqual(fixture(name));
    else expect(bytesToHex(written)).toBe(reference.reserialized);
    // And what is written reads back as the same tree.
    expect(parseDetachedTimestamp(written)).toEqual(parsed);
  });

  it('writes back every proof the Python implementation wrote, byte for byte', () => {
    const identical = PROOFS.filter((name) => { const reference = REFERENCE[name]!; return 'identical' in reference && reference.identical; });
    expect(identical.length).toBe(14);
    for (const name of identical) expect(serializeDetachedTimestamp(read(name))).toEqual(fixture(name));
  });

  it('orders the branches of a proof javascript-opentimestamps wrote as the reference does, and keeps one copy of a repeated branch', () => {
    const ripemd = fixture('javascript-opentimestamps/ripemd160/README.md.ots');
    const rewritten = serializeDetachedTimestamp(read('javascript-opentimestamps/ripemd160/README.md.ots'));
    expect(rewritten.length).toBe(ripemd.length);
    expect(rewritten).not.toEqual(ripemd);
    const litecoin = read('javascript-opentimestamps/hello-world.txt.ltc.ots');
    expect(attestationsOf(litecoin.timestamp, litecoin.digest).map((found) => found.attestation.kind)).toEqual(['pending', 'litecoin']);
    expect(serializeDetachedTimestamp(litecoin).length).toBeLessThan(fixture('javascript-opentimestamps/hello-world.txt.ltc.ots').length);
  });

  it("hashes each timestamped file to its proof's digest, by the proof's own hash", () => {
    const pairs: [string, string, string][] = [
      ['hello-world.txt', 'hello-world.txt.ots', 'sha256'],
      ['bad-stamp.txt', 'bad-stamp.txt.ots', 'sha256'],
      ['incomplete.txt', 'incomplete.txt.ots', 'sha256'],
      ['empty', 'empty.ots', 'sha256'],
      ['unknown-notary.txt', 'unknown-notary.txt.ots', 'sha256'],
      ['known-and-unknown-notary.txt', 'known-and-unknown-notary.txt.ots', 'sha256'],
      ['merkle1.txt', 'merkle1.txt.ots', 'sha256'],
      ['merkle2.txt', 'merkle2.txt.ots', 'sha256'],
      ['merkle3.txt', 'merkle3.txt.ots', 'sha256'],
      ['two-calendars.txt', 'two-calendars.txt.ots', 'sha256'],
      ['different-blockchains.txt', 'different-blockchains.txt.ots', 'sha256'],
      ['javascript-opentimestamps/ripemd160/README.md', 'javascript-opentimestamps/ripemd160/README.md.ots', 'ripemd160'],
      // SHAttered: two different files, one SHA-1, so one proof for both.
      ['sha1/a', 'sha1/a-or-b.ots', 'sha1'],
      ['sha1/b', 'sha1/a-or-b.ots', 'sha1'],
    ];
    for (const [file, proof, hash] of pairs) {
      const { fileHashOp, digest } = read(proof);
      expect(fileHashOp.kind).toBe(hash);
      expect(hashFile(fileHashOp, fixture(file))).toEqual(digest);
    }
    expect(fixture('sha1/a')).not.toEqual(fixture('sha1/b'));
    expect(hashFile(read('hello-world.txt.ots').fileHashOp, fixture('bad-stamp.txt'))).not.toEqual(read('hello-world.txt.ots').digest);
  });

  it('refuses the invalid proofs, each with its reason', () => {
    const refusal = (name: string) => {
      const parsed = parseDetachedTimestamp(fixture(`invalid/${name}`));
      return parsed.ok ? 'read' : parsed.reason;
    };
    expect(refusal('bad-major-version.ots')).toMatch(/version 255 .*not supported/);
    expect(refusal('exceeds-max-msg-length.ots')).toMatch(/append result of 4112 bytes, over the limit of 4096/);
    expect(refusal('invalid-file-digest-type.ots')).toMatch(/0xf3 is not a hash/);
  });

  it('tells a complete proof (with a Bitcoin attestation) from one still pending', () => {
    expect(isComplete(read('hello-world.txt.ots').timestamp)).toBe(true);
    expect(isComplete(read('different-blockchains.txt.ots').timestamp)).toBe(true);
    expect(isComplete(read('sha1/a-or-b.ots').timestamp)).toBe(true);
    for (const name of ['incomplete.txt.ots', 'two-calendars.txt.ots', 'unknown-notary.txt.ots', 'javascript-opentimestamps/hello-world.txt.ltc.ots']) expect(isComplete(read(name).timestamp)).toBe(false);
  });
});

describe('pending attestations and the upgrade', () => {
  it("names the calendar and the commitment incomplete.txt's upgrade asks for, as the reference computes them", () => {
    const { timestamp, digest } = read('incomplete.txt.ots');
    const pending = pendingCommitments(timestamp, digest);
    const reference = REFERENCE['incomplete.txt.ots']!;
    expect('attestations' in reference && reference.attestations).toEqual([{ kind: 'pending', uri: 'https://alice.btc.calendar.opentimestamps.org', commitment: '57cfa5c46716df9bd9e83595bce439c58108d8fcc1678f30d4c6731c3f1fa6c79ed712c66fb1ac8d4e4eb0e7' }]);
    expect(pending.map(({ uri, commitment }) => [uri, bytesToHex(commitment)])).toEqual([['https://alice.btc.calendar.opentimestamps.org', '57cfa5c46716df9bd9e83595bce439c58108d8fcc1678f30d4c6731c3f1fa6c79ed712c66fb1ac8d4e4eb0e7']]);
    expect(calendarTimestampUrl(pending[0]!.uri, pending[0]!.commitment)).toBe('https://alice.btc.calendar.opentimestamps.org/timestamp/57cfa5c46716df9bd9e83595bce439c58108d8fcc1678f30d4c6731c3f1fa6c79ed712c66fb1ac8d4e4eb0e7');
  });

  it('lists each calendar of a proof once, with the commitment at its node', () => {
    const { timestamp, digest } = read('two-calendars.txt.ots');
    expect(pendingCommitments(timestamp, digest).map(({ uri, commitment }) => `${uri} ${bytesToHex(commitment)}`)).toEqual([
      'https://alice.btc.calendar.opentimestamps.org 57d46515fdd8c2334c77b1f204338bb2178d73e523988d7dcda13259d3a099f31623755deadd66b1688d5574',
      'https://bob.btc.calendar.opentimestamps.org 57d4651676e9ac3b3b57c1584828ea5162979c96483a03c87c69a1b8614d1cbaf387e0f5647b90ea1b270a97',
    ]);
    const hello = read('hello-world.txt.ots');
    expect(pendingCommitments(hello.timestamp, hello.digest)).toEqual([]);
  });

  it('merges a timestamp with itself into the same timestamp', () => {
    for (const name of PROOFS.filter((proof) => !proof.startsWith('invalid/'))) {
      const { timestamp } = read(name);
      expect(mergeTimestamps(timestamp, timestamp)).toEqual(timestamp);
    }
  });

  it("upgrades a pending proof with a calendar's answer, byte for byte as the reference does", () => {
    const upgrade = REFERENCE['upgrade of hello-world.txt.ots'];
    const hello = read('hello-world.txt.ots');
    // Cut hello-world's single path `depth` ops down: a pending attestation there, the rest the calendar's answer.
    let message = hello.digest;
    let node = hello.timestamp;
    const path: Op[] = [];
    for (let index = 0; index < upgrade.depth; index += 1) {
      expect(node.branches.length).toBe(1);
      const branch = node.branches[0]!;
      path.push(branch.op);
      message = applyOp(branch.op, message);
      node = branch.next;
    }
    expect(bytesToHex(message)).toBe(upgrade.commitment);
    const rest = node;
    const pendingOnly = path.reduceRight<Timestamp>((next, op) => ({ attestations: [], branches: [{ op, next }] }), { attestations: [{ kind: 'pending', uri: upgrade.uri }], branches: [] });
    const pendingFile: DetachedTimestamp = { fileHashOp: hello.fileHashOp, digest: hello.digest, timestamp: pendingOnly };
    expect(bytesToHex(serializeDetachedTimestamp(pendingFile))).toBe(upgrade.pendingOnly);
    expect(isComplete(pendingOnly)).toBe(false);
    expect(pendingCommitments(pendingOnly, hello.digest).map(({ uri, commitment }) => [uri, bytesToHex(commitment)])).toEqual([[upgrade.uri, upgrade.commitment]]);

    // The calendar answers with the rest of the path, a bare timestamp of the commitment.
    expect(bytesToHex(serializeTimestamp(rest))).toBe(upgrade.answer);
    const answer = parseTimestamp(hexToBytes(upgrade.answer), message);
    if (!answer.ok) throw new Error(answer.reason);
    const upgraded = mergeAtCommitment(pendingOnly, hello.digest, message, answer.value);
    expect(bytesToHex(serializeDetachedTimestamp({ ...pendingFile, timestamp: upgraded }))).toBe(upgrade.merged);
    expect(isComplete(upgraded)).toBe(true);
    const found = attestationsOf(upgraded, hello.digest);
    expect(found.map(({ attestation }) => attestation.kind).sort()).toEqual(['bitcoin', 'pending']);
    expect(bytesToHex(found.find(({ attestation }) => attestation.kind === 'bitcoin')!.commitment)).toBe('007ee445d23ad061af4a36b809501fab1ac4f2d7e7a739817dd0cbb7ec661b8a');
    // The same as merging the whole proof into the pending one, and as merging the other way.
    expect(mergeTimestamps(pendingOnly, hello.timestamp)).toEqual(upgraded);
    expect(mergeTimestamps(hello.timestamp, pendingOnly)).toEqual(upgraded);
    // An answer for a commitment no node has changes nothing.
    expect(mergeAtCommitment(pendingOnly, hello.digest, new Uint8Array(32), answer.value)).toEqual(pendingOnly);
  });
});

describe('ops', () => {
  const message = new TextEncoder().encode('abc');
  it('computes each op as the reference does', () => {
    expect(bytesToHex(applyOp({ kind: 'sha256' }, message))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(bytesToHex(applyOp({ kind: 'sha1' }, message))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(bytesToHex(applyOp({ kind: 'ripemd160' }, message))).toBe('8eb208f7e05d987a9b044a8e98c6b087f15a0bfc');
    // Keccak-256 as Ethereum has it, not SHA3-256 (3a985da7…).
    expect(bytesToHex(applyOp({ kind: 'keccak256' }, new Uint8Array(0)))).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(applyOp({ kind: 'append', arg: Uint8Array.of(1, 2) }, message)).toEqual(Uint8Array.of(0x61, 0x62, 0x63, 1, 2));
    expect(applyOp({ kind: 'prepend', arg: Uint8Array.of(1, 2) }, message)).toEqual(Uint8Array.of(1, 2, 0x61, 0x62, 0x63));
    expect(applyOp({ kind: 'reverse' }, message)).toEqual(new TextEncoder().encode('cba'));
    expect(new TextDecoder().decode(applyOp({ kind: 'hexlify' }, Uint8Array.of(0xab, 0x01)))).toBe('ab01');
    // The op leaves its message alone.
    expect(message).toEqual(new TextEncoder().encode('abc'));
  });

  it('refuses, with a RangeError, what the reference refuses', () => {
    expect(() => applyOp({ kind: 'hexlify' }, new Uint8Array(2049))).toThrow(RangeError);
    expect(applyOp({ kind: 'hexlify' }, new Uint8Array(2048)).length).toBe(4096);
    expect(() => applyOp({ kind: 'append', arg: new Uint8Array(1) }, new Uint8Array(4096))).toThrow(RangeError);
    expect(() => applyOp({ kind: 'sha256' }, new Uint8Array(4097))).toThrow(RangeError);
    expect(() => applyOp({ kind: 'reverse' }, new Uint8Array(0))).toThrow(RangeError);
    expect(() => applyOp({ kind: 'hexlify' }, new Uint8Array(0))).toThrow(RangeError);
    expect(() => applyOp({ kind: 'prepend', arg: new Uint8Array(0) }, message)).toThrow(RangeError);
  });
});

describe('hostile input', () => {
  const PENDING = serializeTimestamp({ attestations: [{ kind: 'pending', uri: 'https://a.example' }], branches: [] });
  const message = new Uint8Array(32);
  const refusal = (bytes: Uint8Array, start: Uint8Array = message) => {
    const parsed = parseTimestamp(bytes, start);
    return parsed.ok ? 'read' : parsed.reason;
  };
  const chain = (ops: number, op: number[] = [0x08]) => Uint8Array.from([...Array.from({ length: ops }, () => op).flat(), ...PENDING]);

  it('refuses a truncated proof at every length, and bytes after its end', () => {
    for (const name of PROOFS) {
      const bytes = fixture(name);
      for (let length = 0; length < bytes.length; length += 1) expect(parseDetachedTimestamp(bytes.subarray(0, length)).ok).toBe(false);
      expect(parseDetachedTimestamp(Uint8Array.from([...bytes, 0])).ok).toBe(false);
    }
  });

  it('never throws on a proof with any one bit flipped, and writes and reads back what it reads of one', () => {
    let read = 0;
    // Every bit of two proofs; one bit a byte of the longest (every flip costs a parse of up to 72 hashes).
    for (const [name, step] of [['hello-world.txt.ots', 1], ['known-and-unknown-notary.txt.ots', 1], ['different-blockchains.txt.ots', 9]] as const) {
      const bytes = fixture(name);
      for (let bit = 0; bit < bytes.length * 8; bit += step) {
        const flipped = bytes.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        const parsed = parseDetachedTimestamp(flipped);
        if (!parsed.ok) continue;
        read += 1;
        // A flip in an op's argument or a URI makes another proof, which writes and reads back like
        // any (not always as it came: a changed argument can change the order branches sort in).
        const written = serializeDetachedTimestamp(parsed.value);
        const again = parseDetachedTimestamp(written);
        if (!again.ok || bytesToHex(serializeDetachedTimestamp(again.value)) !== bytesToHex(written)) throw new Error(`${name}, bit ${bit}: read, but does not write back`);
      }
    }
    expect(read).toBeGreaterThan(1000);
  });

  it('refuses a path 256 ops deep, and reads one of 255', () => {
    expect(refusal(chain(MAX_DEPTH - 1))).toBe('read');
    expect(refusal(chain(MAX_DEPTH))).toMatch(/more than 255 ops deep/);
    // Deep, long and wide at once stays bounded: every op keeps its result within 4096 bytes.
    expect(refusal(chain(20000))).toMatch(/ops deep/);
  });

  it('holds messages, op arguments and hexlify to the reference limits', () => {
    const append = (length: number) => [0xf0, ...varuint(length), ...new Uint8Array(length).fill(7)];
    expect(refusal(Uint8Array.from([...append(4096 - 32), ...PENDING]))).toBe('read');
    expect(refusal(Uint8Array.from([...append(4096 - 31), ...PENDING]))).toMatch(/append result of 4097 bytes, over the limit of 4096/);
    expect(refusal(Uint8Array.from([...append(4097), ...PENDING]))).toMatch(/over its limit of 4096/);
    expect(refusal(Uint8Array.from([...append(0), ...PENDING]))).toMatch(/under its minimum of 1/);
    expect(refusal(Uint8Array.from([0xf3, ...PENDING]), new Uint8Array(2048))).toBe('read');
    expect(refusal(Uint8Array.from([0xf3, ...PENDING]), new Uint8Array(2049))).toMatch(/hexlify of a message of 2049 bytes, over the limit of 2048/);
    // Hexlify doubles: from 32 bytes, the seventh makes 4096, the eighth would make 8192.
    expect(refusal(chain(7, [0xf3]))).toBe('read');
    expect(refusal(chain(8, [0xf3]))).toMatch(/hexlify of a message of 4096 bytes/);
    expect(refusal(PENDING, new Uint8Array(4097))).toMatch(/a message of 4097 bytes, over the limit of 4096/);
    expect(refusal(Uint8Array.from([0xf2, ...PENDING]), new Uint8Array(0))).toMatch(/reverse of an empty message/);
    expect(refusal(Uint8Array.from([0x42, ...PENDING]))).toMatch(/0x42 is not an op/);
  });

  it('holds attestations to the reference limits', () => {
    const attestation = (tag: string, payload: number[]) => Uint8Array.from([0x00, ...hexToBytes(tag), ...varuint(payload.length), ...payload]);
    const uri = (text: string) => { const bytes = [...new TextEncoder().encode(text)]; return [...varuint(bytes.length), ...bytes]; };
    expect(refusal(attestation('83dfe30d2ef90c8e', uri(`https://${'a'.repeat(992)}`)))).toBe('read');
    expect(refusal(attestation('83dfe30d2ef90c8e', uri(`https://${'a'.repeat(993)}`)))).toMatch(/over its limit of 1000/);
    for (const bad of ['https://a.example/?q', 'https://a.example/#x', 'https://user@a.example', 'https://a.example/%41', 'https://a.example/\u00e9', 'https://a.example/\u0000']) expect(refusal(attestation('83dfe30d2ef90c8e', uri(bad)))).toMatch(/character a calendar URI may not/);
    // A known attestation whose payload has bytes its fields do not use is refused.
    expect(refusal(attestation('0588960d73d71901', [0xf7, 0xef, 0x15]))).toBe('read');
    expect(refusal(attestation('0588960d73d71901', [0xf7, 0xef, 0x15, 0x00]))).toMatch(/bytes after its payload/);
    // An unknown notary's payload is kept whole, up to 8192 bytes.
    const unknown = parseTimestamp(attestation('0102030405060708', Array.from({ length: 8192 }, (_, index) => index & 0xff)), message);
    expect(unknown.ok && unknown.value.attestations[0]).toMatchObject({ kind: 'unknown', tag: hexToBytes('0102030405060708') });
    expect(refusal(attestation('0102030405060708', new Array<number>(8193).fill(0)))).toMatch(/over its limit of 8192/);
    // A length of 2^63 is refused before anything is allocated for it.
    expect(refusal(Uint8Array.from([0xf0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]))).toMatch(/too large|over its limit/);
    expect(refusal(new Uint8Array(0))).toMatch(/truncated/);
  });

  it('refuses a file that is not a proof', () => {
    const good = fixture('hello-world.txt.ots');
    expect(parseDetachedTimestamp(new Uint8Array(0))).toMatchObject({ ok: false, reason: expect.stringMatching(/magic/) });
    expect(parseDetachedTimestamp(fixture('hello-world.txt'))).toMatchObject({ ok: false, reason: expect.stringMatching(/magic/) });
    const noMajor = good.slice(0, HEADER_MAGIC.length);
    expect(parseDetachedTimestamp(noMajor)).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated/) });
  });

  it('refuses to write what could not be read back', () => {
    expect(() => serializeTimestamp({ attestations: [], branches: [] })).toThrow(RangeError);
    expect(() => serializeTimestamp({ attestations: [], branches: [{ op: { kind: 'sha256' }, next: { attestations: [], branches: [] } }] })).toThrow(RangeError);
    const leaf: Timestamp = { attestations: [{ kind: 'bitcoin', height: 1 }], branches: [] };
    expect(() => serializeTimestamp({ attestations: [], branches: [{ op: { kind: 'append', arg: new Uint8Array(0) }, next: leaf }] })).toThrow(RangeError);
    expect(() => serializeTimestamp({ attestations: [{ kind: 'pending', uri: 'https://a.example/?x' }], branches: [] })).toThrow(RangeError);
    expect(() => serializeTimestamp({ attestations: [{ kind: 'bitcoin', height: -1 }], branches: [] })).toThrow(RangeError);
    expect(() => serializeTimestamp({ attestations: [{ kind: 'unknown', tag: new Uint8Array(7), payload: new Uint8Array(0) }], branches: [] })).toThrow(RangeError);
    expect(() => serializeDetachedTimestamp({ fileHashOp: { kind: 'sha256' }, digest: new Uint8Array(20), timestamp: leaf })).toThrow(RangeError);
    const deep = Array.from({ length: MAX_DEPTH }).reduce<Timestamp>((next) => ({ attestations: [], branches: [{ op: { kind: 'sha256' }, next }] }), leaf);
    expect(() => serializeTimestamp(deep)).toThrow(RangeError);
  });
});

/** Lengths and heights as the format writes them, for the hostile inputs above; pinned by the LEB128 test below. */
const varuint = (value: number): number[] => [...encodeVaruint(value)];

describe('varuint', () => {
  it('is unsigned LEB128: the DWARF standard\'s example and the edges of one and two bytes', () => {
    // DWARF 5 §7.6: 624485 is e5 8e 26; 127 is one byte, 128 two.
    expect([...encodeVaruint(624_485)]).toEqual([0xe5, 0x8e, 0x26]);
    expect([0, 127, 128, 300].map((n) => [...encodeVaruint(n)])).toEqual([[0x00], [0x7f], [0x80, 0x01], [0xac, 0x02]]);
    expect([...encodeVaruint(Number.MAX_SAFE_INTEGER)]).toEqual([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]);
  });
});

describe('properties', () => {
  const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });
  const attestation: fc.Arbitrary<Attestation> = fc.oneof(
    fc.record({ kind: fc.constant('pending' as const), uri: fc.stringMatching(/^https:\/\/[a-z0-9.\-_/:]{0,40}$/) }),
    fc.record({ kind: fc.constantFrom('bitcoin' as const, 'litecoin' as const, 'ethereum' as const), height: fc.oneof(fc.nat(1_000_000), fc.maxSafeNat()) }),
    // Tags that are no known notary's (their first byte is not one of theirs).
    fc.record({ kind: fc.constant('unknown' as const), tag: fc.tuple(fc.constantFrom(0x01, 0x42, 0xff), bytes(7, 7)).map(([first, rest]) => Uint8Array.from([first, ...rest])), payload: bytes(0, 24) }),
  );
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.constantFrom<Op>({ kind: 'sha1' }, { kind: 'ripemd160' }, { kind: 'sha256' }, { kind: 'keccak256' }, { kind: 'reverse' }, { kind: 'hexlify' }),
    fc.record({ kind: fc.constantFrom('append' as const, 'prepend' as const), arg: bytes(1, 32) }),
  );
  // Four levels of ops on a message of at most 32 bytes stay within every limit, hexlify's included.
  const { tree } = fc.letrec<{ tree: Timestamp }>((tie) => ({
    tree: fc
      .record({
        attestations: fc.array(attestation, { maxLength: 3 }),
        // One branch per op, as in any proof read or merged (a repeated op keeps only its last branch).
        branches: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([]), fc.uniqueArray(fc.record({ op, next: tie('tree') }), { minLength: 1, maxLength: 3, selector: (branch) => JSON.stringify(branch.op, (_key, value: unknown) => (value instanceof Uint8Array ? bytesToHex(value) : value)) })),
      })
      .filter((node) => node.attestations.length + node.branches.length > 0),
  }));
  const depth = (node: Timestamp): number => Math.max(0, ...node.branches.map((branch) => 1 + depth(branch.next)));
  const smallTree = tree.filter((node) => depth(node) <= 4);
  const key = ({ attestation, commitment }: { attestation: Attestation; commitment: Uint8Array }) => JSON.stringify(asReference({ attestation, commitment }));

  it('writes random trees that read back as themselves, written the same', () => {
    fc.assert(
      fc.property(smallTree, bytes(1, 32), (timestamp, start) => {
        const written = serializeTimestamp(timestamp);
        const parsed = parseTimestamp(written, start);
        if (!parsed.ok) throw new Error(parsed.reason);
        expect(serializeTimestamp(parsed.value)).toEqual(written);
        expect(new Set(attestationsOf(parsed.value, start).map(key))).toEqual(new Set(attestationsOf(timestamp, start).map(key)));
      }),
      { numRuns: 300 },
    );
  });

  it('writes random detached proofs that read back as themselves', () => {
    fc.assert(
      fc.property(smallTree, fc.constantFrom('sha1' as const, 'ripemd160' as const, 'sha256' as const, 'keccak256' as const), bytes(32, 32), (timestamp, kind, seed) => {
        const value: DetachedTimestamp = { fileHashOp: { kind }, digest: seed.subarray(0, kind === 'sha1' || kind === 'ripemd160' ? 20 : 32), timestamp };
        const written = serializeDetachedTimestamp(value);
        const parsed = parseDetachedTimestamp(written);
        if (!parsed.ok) throw new Error(parsed.reason);
        expect(parsed.value.fileHashOp).toEqual(value.fileHashOp);
        expect(parsed.value.digest).toEqual(value.digest);
        expect(serializeDetachedTimestamp(parsed.value)).toEqual(written);
      }),
      { numRuns: 100 },
    );
  });

  it('merges two trees of one message into one with the attestations of both', () => {
    fc.assert(
      fc.property(smallTree, smallTree, bytes(1, 32), (a, b, start) => {
        const merged = mergeTimestamps(a, b);
        const union = new Set([...attestationsOf(a, start).map(key), ...attestationsOf(b, start).map(key)]);
        expect(new Set(attestationsOf(merged, start).map(key))).toEqual(union);
        expect(serializeTimestamp(mergeTimestamps(b, a))).toEqual(serializeTimestamp(merged));
        expect(serializeTimestamp(mergeTimestamps(merged, a))).toEqual(serializeTimestamp(merged));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random bytes, bare, after the magic header, or spliced into a real proof', () => {
    const hello = fixture('hello-world.txt.ots');
    const header = hello.subarray(0, HEADER_MAGIC.length + 2 + 32);
    fc.assert(
      fc.property(bytes(0, 600), bytes(0, 64), fc.nat(hello.length), (random, start, at) => {
        parseTimestamp(random, start);
        parseDetachedTimestamp(random);
        parseDetachedTimestamp(Uint8Array.from([...header, ...random]));
        parseDetachedTimestamp(Uint8Array.from([...hello.subarray(0, at), ...random, ...hello.subarray(at + random.length)]));
      }),
      { numRuns: 2000 },
    );
  });
});
