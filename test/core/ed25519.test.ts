/**
 * Ed25519 through WebCrypto (src/core/ed25519.ts) gives @noble/ed25519's answers: the same
 * signatures, and the same verdicts, on good signatures, broken ones, and the small-order keys
 * where the two libraries' rules differ; and without WebCrypto, noble alone gives them.
 */
import fc from 'fast-check';
import { hexToBytes } from '@noble/hashes/utils.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signEd25519, verifyEd25519 } from '../../src/core/ed25519.ts';
import { keyPairFromSeed, signBytes, verifyBytes } from '../../src/core/multikey.ts';

const seed = fc.uint8Array({ minLength: 32, maxLength: 32 });
const message = fc.uint8Array({ maxLength: 200 });

/** RFC 8032 §7.1, TEST 1 and TEST 2. */
const RFC8032 = [
  {
    secretKey: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    secretKey: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

/** Signatures that only hold because the key has small order: ZIP-215 (noble) accepts them, RFC 8032's cofactorless check refuses them. */
const SMALL_ORDER = [
  { name: 'identity key, identity R, s = 0', publicKey: `01${'00'.repeat(31)}`, signature: `01${'00'.repeat(63)}` },
  { name: 'order-2 key, identity R, s = 0', publicKey: `ec${'ff'.repeat(30)}7f`, signature: `01${'00'.repeat(63)}` },
  { name: 'non-canonical identity key', publicKey: `ee${'ff'.repeat(30)}7f`, signature: `01${'00'.repeat(63)}` },
];

function sameAsNoble(): void {
  it('signs the RFC 8032 test vectors', async () => {
    for (const vector of RFC8032) {
      const signature = await signEd25519(hexToBytes(vector.message), hexToBytes(vector.secretKey));
      expect(Buffer.from(signature).toString('hex')).toBe(vector.signature);
      expect(await verifyEd25519(signature, hexToBytes(vector.message), hexToBytes(vector.publicKey))).toBe(true);
    }
  });

  it('signs as noble does, and verifies what it signs', async () => {
    await fc.assert(
      fc.asyncProperty(seed, message, async (secretKey, bytes) => {
        const signature = await signEd25519(bytes, secretKey);
        expect(signature).toEqual(signBytes(bytes, secretKey));
        expect(await verifyEd25519(signature, bytes, keyPairFromSeed(secretKey).publicKey)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a changed message, signature or key, as noble does', async () => {
    await fc.assert(
      fc.asyncProperty(seed, message, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom('message', 'signature', 'key'), async (secretKey, bytes, at, flip, part) => {
        const publicKey = keyPairFromSeed(secretKey).publicKey;
        const signature = signBytes(bytes, secretKey);
        const changed = { message: Uint8Array.from(bytes.length ? bytes : [0]), signature: signature.slice(), key: publicKey.slice() }[part];
        changed[at % changed.length]! ^= flip;
        const args: [Uint8Array, Uint8Array, Uint8Array] = part === 'message' ? [signature, changed, publicKey] : part === 'signature' ? [changed, bytes, publicKey] : [signature, bytes, changed];
        expect(await verifyEd25519(...args)).toBe(verifyBytes(...args));
      }),
      { numRuns: 150 },
    );
  });

  it("gives noble's verdict on small-order keys, where the two rules differ", async () => {
    const bytes = new TextEncoder().encode('any message at all');
    for (const { name, publicKey, signature } of SMALL_ORDER) {
      const verdict = verifyBytes(hexToBytes(signature), bytes, hexToBytes(publicKey));
      expect({ name, verdict: await verifyEd25519(hexToBytes(signature), bytes, hexToBytes(publicKey)) }).toEqual({ name, verdict });
    }
  });

  it('answers false, without throwing, for malformed input', async () => {
    const publicKey = hexToBytes(RFC8032[0]!.publicKey);
    expect(await verifyEd25519(new Uint8Array(63), new Uint8Array(), publicKey)).toBe(false);
    expect(await verifyEd25519(new Uint8Array(64), new Uint8Array(), new Uint8Array(31))).toBe(false);
    expect(await verifyEd25519(new Uint8Array(64).fill(0xff), new Uint8Array(), publicKey)).toBe(false);
  });
}

describe('with WebCrypto', () => {
  it('signs and verifies through it', async () => {
    const sign = vi.spyOn(globalThis.crypto.subtle, 'sign');
    const verify = vi.spyOn(globalThis.crypto.subtle, 'verify');
    const secretKey = new Uint8Array(32).fill(3);
    const signature = await signEd25519(new Uint8Array([1]), secretKey);
    expect(await verifyEd25519(signature, new Uint8Array([1]), keyPairFromSeed(secretKey).publicKey)).toBe(true);
    expect([sign.mock.calls.length, verify.mock.calls.length]).toEqual([1, 1]);
    vi.restoreAllMocks();
  });
  sameAsNoble();
});

describe('without WebCrypto, as in a browser without Ed25519: noble alone', () => {
  beforeEach(() => {
    vi.stubGlobal('crypto', undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  it('has no WebCrypto here', () => {
    expect(globalThis.crypto).toBeUndefined();
  });
  sameAsNoble();
});
