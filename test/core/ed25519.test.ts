/**
 * Ed25519 with what a key always gives kept (src/core/ed25519.ts): signatures byte for byte
 * @noble/ed25519's, and verification with a table per key giving noble's verdict on every input,
 * the first time it sees a key and after: good signatures, changed ones, random bytes, S out of range, and the
 * small-order and non-canonical keys and points where ZIP-215 and strict RFC 8032 part ways.
 */
import fc from 'fast-check';
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { signEd25519, verifyEd25519 } from '../../src/core/ed25519.ts';
import { keyPairFromSeed, signBytes, verifyBytes } from '../../src/core/multikey.ts';

const seed = fc.uint8Array({ minLength: 32, maxLength: 32 });
const message = fc.uint8Array({ maxLength: 200 });
const L = 0x1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3edn;

function littleEndian32(value: bigint): Uint8Array {
  return Uint8Array.from({ length: 32 }, (_, index) => Number((value >> BigInt(8 * index)) & 255n));
}

/** Twice: a key's first verification is noble's own, and the second one uses the key's table. */
function expectNobleVerdict(signature: Uint8Array, bytes: Uint8Array, publicKey: Uint8Array): boolean {
  const verdict = verifyBytes(signature, bytes, publicKey);
  expect([verifyEd25519(signature, bytes, publicKey), verifyEd25519(signature, bytes, publicKey)]).toEqual([verdict, verdict]);
  return verdict;
}

describe('signEd25519', () => {
  it('signs RFC 8032 §7.1 TEST 1 and TEST 2', () => {
    const vectors = [
      ['9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', '', 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'],
      ['4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb', '72', '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00'],
    ] as const;
    for (const [secretKey, bytes, signature] of vectors) expect(signEd25519(hexToBytes(bytes), hexToBytes(secretKey))).toEqual(hexToBytes(signature));
  });

  it('signs as noble does, again and again with one key, and after the key changes in place', () => {
    fc.assert(
      fc.property(seed, fc.array(message, { minLength: 1, maxLength: 3 }), (secretKey, messages) => {
        for (const bytes of messages) expect(signEd25519(bytes, secretKey)).toEqual(signBytes(bytes, secretKey));
        secretKey[0]! ^= 1;
        expect(signEd25519(messages[0]!, secretKey)).toEqual(signBytes(messages[0]!, secretKey));
      }),
      { numRuns: 100 },
    );
  });
});

describe('verifyEd25519', () => {
  it('verifies RFC 8032 §7.1 TEST 2', () => {
    const publicKey = hexToBytes('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c');
    const signature = hexToBytes('92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00');
    expect(expectNobleVerdict(signature, hexToBytes('72'), publicKey)).toBe(true);
    expect(expectNobleVerdict(signature, hexToBytes('73'), publicKey)).toBe(false);
  });

  it('accepts what noble signs, with many keys (more than it keeps tables for)', () => {
    fc.assert(
      fc.property(seed, fc.array(message, { minLength: 1, maxLength: 3 }), (secretKey, messages) => {
        const { publicKey } = keyPairFromSeed(secretKey);
        for (const bytes of messages) expect(expectNobleVerdict(signBytes(bytes, secretKey), bytes, publicKey)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a changed message, signature or key exactly when noble does', () => {
    fc.assert(
      fc.property(seed, message, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom('message', 'signature', 'key'), (secretKey, bytes, at, flip, part) => {
        const publicKey = keyPairFromSeed(secretKey).publicKey;
        const signature = signBytes(bytes, secretKey);
        const changed = { message: Uint8Array.from(bytes.length ? bytes : [0]), signature: signature.slice(), key: publicKey.slice() }[part];
        changed[at % changed.length]! ^= flip;
        if (part === 'message') expectNobleVerdict(signature, changed, publicKey);
        else if (part === 'signature') expectNobleVerdict(changed, bytes, publicKey);
        else expectNobleVerdict(signature, bytes, changed);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with noble on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), message, fc.uint8Array({ minLength: 32, maxLength: 32 }), (signature, bytes, publicKey) => {
        expectNobleVerdict(signature, bytes, publicKey);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with noble where ZIP-215 and strict RFC 8032 differ, and on S out of range', () => {
    const bytes = new TextEncoder().encode('any message at all');
    const identity = `01${'00'.repeat(31)}`;
    const cases = [
      // Small-order keys with the identity as R and S = 0: ZIP-215 accepts them for any message.
      { publicKey: identity, signature: `${identity}${'00'.repeat(32)}` },
      { publicKey: `ec${'ff'.repeat(30)}7f`, signature: `${identity}${'00'.repeat(32)}` },
      // A non-canonical encoding of the identity (y = p + 1) as the key.
      { publicKey: `ee${'ff'.repeat(30)}7f`, signature: `${identity}${'00'.repeat(32)}` },
    ];
    for (const { publicKey, signature } of cases) expect(expectNobleVerdict(hexToBytes(signature), bytes, hexToBytes(publicKey))).toBe(true);
    // S = L and S = L + s: RFC 8032 §5.1.7 refuses S ≥ L.
    const secretKey = new Uint8Array(32).fill(5);
    const good = signBytes(bytes, secretKey);
    const s = good.subarray(32).reduceRight((value, byte) => (value << 8n) | BigInt(byte), 0n);
    for (const big of [L, L + s]) {
      const signature = Uint8Array.from([...good.subarray(0, 32), ...littleEndian32(big)]);
      expect(expectNobleVerdict(signature, bytes, keyPairFromSeed(secretKey).publicKey)).toBe(false);
    }
  });

  it('answers false for the wrong lengths, without throwing', () => {
    const publicKey = keyPairFromSeed(new Uint8Array(32).fill(1)).publicKey;
    expect(verifyEd25519(new Uint8Array(63), new Uint8Array(), publicKey)).toBe(false);
    expect(verifyEd25519(new Uint8Array(64), new Uint8Array(), new Uint8Array(31))).toBe(false);
  });
});
