/**
 * Bitstring Status List v1.0: the spec example and a derived one-bit list (test/fixtures/vectors/
 * bitstring-status-list-example.json; compare decoded bits, never gzip bytes), bit order, round trips.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import {
  MIN_STATUS_LIST_ENTRIES,
  bitLength,
  buildStatusListCredential,
  createBitstring,
  decodeStatusList,
  encodeStatusList,
  getBit,
  readStatus,
  setBit,
} from '../../src/core/status-list.ts';
import { encodeBase64url } from '../../src/core/multibase.ts';
import { MAX_STATUS_LIST_BYTES } from '../../src/core/limits.ts';
import { statusListBomb } from '../../src/commands/bench/hostile-inputs.ts';
import vector from '../fixtures/vectors/bitstring-status-list-example.json' with { type: 'json' };

describe('decodeStatusList', () => {
  it('expands the W3C example to 131,072 zero bits', () => {
    const result = decodeStatusList(vector.specExampleEncodedList);
    if (!result.ok) throw new Error(result.reason);
    expect(result.bits.length).toBe(vector.specExampleDecoded.bytes);
    expect(bitLength(result.bits)).toBe(vector.specExampleDecoded.bits);
    expect(result.bits.every((byte) => byte === 0)).toBe(true);
  });

  it('reads bit 94567, and only that bit, from the derived example', () => {
    const derived = vector.derivedExample_NOT_FROM_SPEC;
    const result = decodeStatusList(derived.encodedList);
    if (!result.ok) throw new Error(result.reason);
    expect(result.bits.length).toBe(derived.decodedBytes);
    expect(getBit(result.bits, derived.setIndex)).toBe(1);
    expect(getBit(result.bits, derived.setIndex - 1)).toBe(0);
    expect(getBit(result.bits, derived.setIndex + 1)).toBe(0);
    expect(result.bits.reduce((count, byte) => count + (byte.toString(2).split('1').length - 1), 0)).toBe(1);
  });

  it('returns a failure, never throws, for bad input', () => {
    for (const bad of [undefined, 42, '', 'z123', 'u', 'u!!!', encodeBase64url(new Uint8Array([1, 2, 3])), `u${'A'.repeat(40)}`]) {
      const result = decodeStatusList(bad);
      expect(result.ok).toBe(false);
    }
  });

  it('reads a StatusList2021 encodedList: bare base64url or base64, with or without padding, and never a multibase one as bare', () => {
    const bits = setBit(createBitstring(), 94567);
    const gzipped = gzipSync(bits, { mtime: 0 });
    const bare = encodeBase64url(gzipped).slice(1);
    const padded = Buffer.from(gzipped).toString('base64');
    for (const encoded of [bare, padded, padded.replace(/=+$/, '')]) {
      const result = decodeStatusList(encoded, undefined, 'status-list-2021');
      if (!result.ok) throw new Error(result.reason);
      expect(getBit(result.bits, 94567)).toBe(1);
    }
    expect(decodeStatusList(bare).ok).toBe(false);
    for (const bad of [undefined, '', '!!!', 'AAAA']) expect(decodeStatusList(bad, undefined, 'status-list-2021').ok).toBe(false);
    const bomb = encodeBase64url(gzipSync(new Uint8Array(4 * 1024 * 1024), { mtime: 0 })).slice(1);
    expect(decodeStatusList(bomb, 1024 * 1024, 'status-list-2021')).toEqual({ ok: false, reason: expect.stringContaining('more than') });
  });

  it('refuses a list that expands beyond the cap (a GZIP bomb)', () => {
    const bomb = encodeBase64url(gzipSync(new Uint8Array(4 * 1024 * 1024), { mtime: 0 }));
    expect(decodeStatusList(bomb, 1024 * 1024)).toEqual({ ok: false, reason: expect.stringContaining('more than') });
    expect(decodeStatusList(bomb).ok).toBe(true);
  });

  it('refuses a signed-size list (under 1 MB) that expands to hundreds of megabytes, at the cap', () => {
    const bomb = statusListBomb(900 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(decodeStatusList(bomb)).toEqual({ ok: false, reason: `The status list expands to more than ${MAX_STATUS_LIST_BYTES} bytes.` });
  });
});

describe('bits', () => {
  it('numbers bits from the most significant bit of the first byte (BSL §4.1)', () => {
    const fresh = () => createBitstring(16);
    expect(fresh().length).toBe(2);
    expect([...setBit(fresh(), 0)]).toEqual([0x80, 0]);
    expect([...setBit(fresh(), 7)]).toEqual([0x01, 0]);
    expect([...setBit(fresh(), 8)]).toEqual([0, 0x80]);
    expect([...setBit(setBit(fresh(), 3), 3, false)]).toEqual([0, 0]);
  });

  it('sets bits in place, so a caller that ignores the return value still gets the bit', () => {
    const bits = createBitstring(16);
    const returned = setBit(bits, 9);
    expect(returned).toBe(bits);
    expect(getBit(bits, 9)).toBe(1);
  });

  it('defaults to the 131,072-entry minimum and rejects out-of-range indices', () => {
    const bits = createBitstring();
    expect(bitLength(bits)).toBe(MIN_STATUS_LIST_ENTRIES);
    expect(getBit(bits, MIN_STATUS_LIST_ENTRIES)).toBeUndefined();
    expect(getBit(bits, -1)).toBeUndefined();
    expect(getBit(bits, 1.5)).toBeUndefined();
    expect(() => setBit(bits, MIN_STATUS_LIST_ENTRIES)).toThrow(RangeError);
  });

  it('reads multi-bit status values at index × statusSize (BSL §4.3)', () => {
    let bits = createBitstring(16);
    bits = setBit(setBit(bits, 6), 7); // entry 3 of size 2 = 0b11
    expect(readStatus(bits, 3, 2)).toBe(3);
    expect(readStatus(bits, 2, 2)).toBe(0);
    expect(readStatus(bits, 8, 2)).toBeUndefined();
    expect(readStatus(bits, 0, 0)).toBeUndefined();
  });
});

describe('encodeStatusList', () => {
  it('is deterministic (GZIP mtime 0) and starts with the multibase prefix u', () => {
    const bits = setBit(createBitstring(), 94567);
    const encoded = encodeStatusList(bits);
    expect(encoded).toBe(encodeStatusList(bits.slice()));
    expect(encoded.startsWith('uH4sI')).toBe(true);
  });

  it('round-trips any set of indices', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: MIN_STATUS_LIST_ENTRIES - 1 }), { maxLength: 40 }), (indices) => {
        let bits = createBitstring();
        for (const index of indices) bits = setBit(bits, index);
        const decoded = decodeStatusList(encodeStatusList(bits));
        if (!decoded.ok) return false;
        const set = new Set(indices);
        const probes = [...indices, 0, 1, 94567, MIN_STATUS_LIST_ENTRIES - 1];
        return decoded.bits.length === bits.length && probes.every((index) => getBit(decoded.bits, index) === (set.has(index) ? 1 : 0));
      }),
      { numRuns: 50 },
    );
  });
});

describe('buildStatusListCredential', () => {
  it('builds the unsigned BSL §2.2 credential with the VC v2 context only', () => {
    const encodedList = encodeStatusList(createBitstring());
    const credential = buildStatusListCredential({
      id: 'https://badges.example.org/status/revocation.json',
      issuer: 'did:web:badges.example.org',
      validFrom: '2025-01-01T00:00:00Z',
      statusPurpose: 'revocation',
      encodedList,
    });
    expect(credential).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://badges.example.org/status/revocation.json',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:badges.example.org',
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: {
        id: 'https://badges.example.org/status/revocation.json#list',
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList,
      },
    });
  });
});
