/**
 * Ed25519 (RFC 8032) for Data Integrity proofs, through the platform's Web Cryptography API where
 * it implements Ed25519 (Node, and current browsers), with @noble/ed25519 (./multikey.ts) where it
 * does not. WebCrypto signs and verifies in native code, several times faster than noble in
 * JavaScript; the results are noble's, bit for bit:
 *
 * - Signing: Ed25519 is deterministic (RFC 8032 §5.1.6), so both give the same signature.
 * - Verifying: noble, as Laurel uses it, follows ZIP-215, which accepts every signature RFC 8032's
 *   cofactorless check (WebCrypto's) accepts, and a few more (small-order keys, non-canonical
 *   encodings). So a "yes" from WebCrypto is noble's "yes", and for any "no" noble decides.
 */
import { signBytes, verifyBytes } from './multikey.ts';

/** RFC 8410 §7: the PKCS #8 wrapping of a 32-byte Ed25519 seed, which WebCrypto imports. */
const PKCS8_ED25519_PREFIX = Uint8Array.of(0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20);
/** Verification keys kept imported: the issuers a build or a verifier sees are few. */
const VERIFYING_KEYS_KEPT = 64;

const signingKeys = new WeakMap<Uint8Array, Promise<CryptoKey | undefined>>();
const verifyingKeys = new Map<string, Promise<CryptoKey | undefined>>();

function subtle(): SubtleCrypto | undefined {
  return globalThis.crypto?.subtle;
}

/** An imported key, or undefined where WebCrypto has no Ed25519 or refuses the key. */
async function importKey(format: 'pkcs8' | 'raw', bytes: Uint8Array, usage: 'sign' | 'verify'): Promise<CryptoKey | undefined> {
  const api = subtle();
  if (!api) return undefined;
  try {
    return await api.importKey(format, bytes as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, [usage]);
  } catch {
    return undefined;
  }
}

function signingKey(seed: Uint8Array): Promise<CryptoKey | undefined> {
  let key = signingKeys.get(seed);
  if (!key) {
    const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + seed.length);
    pkcs8.set(PKCS8_ED25519_PREFIX);
    pkcs8.set(seed, PKCS8_ED25519_PREFIX.length);
    signingKeys.set(seed, (key = importKey('pkcs8', pkcs8, 'sign')));
  }
  return key;
}

function verifyingKey(publicKey: Uint8Array): Promise<CryptoKey | undefined> {
  const id = Array.from(publicKey, (byte) => byte.toString(16).padStart(2, '0')).join('');
  let key = verifyingKeys.get(id);
  if (!key) {
    if (verifyingKeys.size >= VERIFYING_KEYS_KEPT) verifyingKeys.delete(verifyingKeys.keys().next().value!);
    verifyingKeys.set(id, (key = importKey('raw', publicKey.slice(), 'verify')));
  }
  return key;
}

/** The Ed25519 signature of `message` by the 32-byte seed `secretKey`. */
export async function signEd25519(message: Uint8Array, secretKey: Uint8Array): Promise<Uint8Array> {
  if (secretKey.length === 32) {
    const key = await signingKey(secretKey);
    if (key) {
      try {
        return new Uint8Array(await subtle()!.sign({ name: 'Ed25519' }, key, message as Uint8Array<ArrayBuffer>));
      } catch {
        // Fall through to noble, which gives the same bytes.
      }
    }
  }
  return signBytes(message, secretKey);
}

/** False for a bad signature or malformed input; never throws on untrusted input. */
export async function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  if (signature.length === 64 && publicKey.length === 32) {
    const key = await verifyingKey(publicKey);
    if (key) {
      try {
        if (await subtle()!.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>)) return true;
      } catch {
        // noble decides.
      }
    }
  }
  return verifyBytes(signature, message, publicKey);
}
