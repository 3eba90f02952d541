/**
 * Multibase encodings used by Data Integrity (W3C CID 1.0 §Multibase):
 * base58btc with prefix `z` for keys and proof values, base64url without padding with prefix `u`
 * for Bitstring Status List `encodedList`.
 */
import { base58, base64urlnopad } from '@scure/base';

export function encodeBase58btc(bytes: Uint8Array): string {
  return `z${base58.encode(bytes)}`;
}

/** Returns undefined for anything that is not `z` followed by valid base58btc. */
export function decodeBase58btc(value: string): Uint8Array | undefined {
  if (!value.startsWith('z')) return undefined;
  try {
    return base58.decode(value.slice(1));
  } catch {
    return undefined;
  }
}

export function encodeBase64url(bytes: Uint8Array): string {
  return `u${base64urlnopad.encode(bytes)}`;
}

/** Returns undefined for anything that is not `u` followed by valid unpadded base64url. */
export function decodeBase64url(value: string): Uint8Array | undefined {
  if (!value.startsWith('u')) return undefined;
  try {
    return base64urlnopad.decode(value.slice(1));
  } catch {
    return undefined;
  }
}
