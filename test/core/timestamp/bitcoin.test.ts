/**
 * Bitcoin block headers and attestations (src/core/timestamp/bitcoin.ts) against block 358391,
 * the block hello-world.txt.ots attests (test/fixtures/opentimestamps/README.md gives the header's
 * two sources): its fields and hash are the chain's, hello-world's commitment is its merkle root
 * and bad-stamp's is not, and no header with one bit flipped passes. Compact targets are decoded
 * as Bitcoin Core's arith_uint256 tests decode them.
 */
import { readFileSync } from 'node:fs';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { MAINNET_POW_LIMIT, readBlockHeader, targetFromBits, verifyBitcoinAttestation } from '../../../src/core/timestamp/bitcoin.ts';
import { attestationsOf, parseDetachedTimestamp } from '../../../src/core/timestamp/ots.ts';

const FIXTURES = new URL('../../fixtures/opentimestamps/', import.meta.url);
const HEADER = hexToBytes(readFileSync(new URL('headers/358391.hex', FIXTURES), 'utf8').trim());

function bitcoinCommitment(name: string): Uint8Array {
  const parsed = parseDetachedTimestamp(new Uint8Array(readFileSync(new URL(name, FIXTURES))));
  if (!parsed.ok) throw new Error(parsed.reason);
  const found = attestationsOf(parsed.value.timestamp, parsed.value.digest).filter(({ attestation }) => attestation.kind === 'bitcoin');
  expect(found.map(({ attestation }) => attestation)).toEqual([{ kind: 'bitcoin', height: 358391 }]);
  return found[0]!.commitment;
}

describe('block 358391', () => {
  it("reads the header's fields, as block explorers show them", () => {
    expect(HEADER.length).toBe(80);
    expect(readBlockHeader(HEADER)).toEqual({
      version: 2,
      previousBlockHash: '0000000000000000040238cb61fda1452649edc9d18f435f7e1b285a589463b9',
      merkleRoot: '8a1b66ecb7cbd07d8139a7e7d7f2c41aab1f5009b8364aaf61d03ad245e47e00',
      merkleRootBytes: hexToBytes('007ee445d23ad061af4a36b809501fab1ac4f2d7e7a739817dd0cbb7ec661b8a'),
      time: 1432827678,
      bits: 0x181686f5,
      nonce: 4141773410,
      hash: '000000000000000003e892881a8cdcdc117c06d444057c98b6f04a9ee75a2319',
      meetsTarget: true,
    });
    expect(new Date(readBlockHeader(HEADER)!.time * 1000).toISOString()).toBe('2015-05-28T15:41:18.000Z');
  });

  it("verifies hello-world's Bitcoin attestation: its commitment is the block's merkle root", () => {
    const commitment = bitcoinCommitment('hello-world.txt.ots');
    expect(commitment).toEqual(HEADER.subarray(36, 68));
    expect(verifyBitcoinAttestation(commitment, HEADER)).toEqual({ ok: true, time: new Date('2015-05-28T15:41:18Z'), blockHash: '000000000000000003e892881a8cdcdc117c06d444057c98b6f04a9ee75a2319' });
  });

  it("refuses bad-stamp's, whose commitment is not that merkle root", () => {
    const result = verifyBitcoinAttestation(bitcoinCommitment('bad-stamp.txt.ots'), HEADER);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/not the merkle root/) });
  });

  it('refuses the header with any one of its 640 bits flipped: the root no longer matches, or the work is gone', () => {
    const commitment = bitcoinCommitment('hello-world.txt.ots');
    const reasons = new Set<string>();
    for (let bit = 0; bit < 640; bit += 1) {
      const flipped = HEADER.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const result = verifyBitcoinAttestation(commitment, flipped);
      if (result.ok) throw new Error(`bit ${bit} flipped still verifies`);
      reasons.add(result.reason.replace(/[0-9a-f]{64}/, '<hash>'));
      expect(readBlockHeader(flipped)!.meetsTarget).toBe(false);
    }
    expect([...reasons].sort()).toEqual(['Block header <hash> does not meet its proof-of-work target.', "The proof's commitment is not the merkle root of block <hash>."]);
  });

  it('refuses a commitment or a header of the wrong length', () => {
    expect(readBlockHeader(HEADER.subarray(0, 79))).toBeUndefined();
    expect(verifyBitcoinAttestation(HEADER.subarray(36, 68), Uint8Array.from([...HEADER, 0]))).toMatchObject({ ok: false, reason: expect.stringMatching(/80 bytes, not 81/) });
    expect(verifyBitcoinAttestation(HEADER.subarray(36, 67), HEADER)).toMatchObject({ ok: false, reason: expect.stringMatching(/32 bytes, not 31/) });
  });
});

describe('compact targets', () => {
  it('decodes bits as Bitcoin Core does (arith_uint256_tests.cpp)', () => {
    expect(targetFromBits(0x01123456)).toBe(0x12n);
    expect(targetFromBits(0x02123456)).toBe(0x1234n);
    expect(targetFromBits(0x03123456)).toBe(0x123456n);
    expect(targetFromBits(0x04123456)).toBe(0x12345600n);
    expect(targetFromBits(0x05009234)).toBe(0x92340000n);
    // The genesis block's bits: the mainnet limit, 0xffff · 2^208.
    expect(targetFromBits(0x1d00ffff)).toBe(0xffffn << 208n);
    expect(targetFromBits(0x181686f5)).toBe(0x1686f5n << 168n);
  });

  it('refuses zero, negative, overflowing and easier-than-mainnet targets', () => {
    expect(targetFromBits(0x00000000)).toBeUndefined();
    expect(targetFromBits(0x01003456)).toBeUndefined();
    expect(targetFromBits(0x04923456)).toBeUndefined();
    expect(targetFromBits(0xff123456)).toBeUndefined();
    // Regtest's: met by about one hash in two, no proof of work at all.
    expect(targetFromBits(0x207fffff)).toBeUndefined();
    expect(targetFromBits(0x1d010000)).toBeUndefined();
    expect(MAINNET_POW_LIMIT).toBe((1n << 224n) - 1n);
  });
});
