/**
 * Bitstring Status List v1.0 (W3C, https://www.w3.org/TR/vc-bitstring-status-list/): the bitstring,
 * its `encodedList` form, and the unsigned BitstringStatusListCredential that carries it. The
 * verifier also reads its predecessor, StatusList2021 (W3C CCG report, 2023): the same bitstring,
 * encoded without the multibase prefix.
 */
import { base64, base64nopad, base64url, base64urlnopad } from '@scure/base';
import { gzipSync } from 'fflate';
import { CREDENTIALS_V2_CONTEXT } from './document-loader.ts';
import { inflateBounded } from './inflate.ts';
import { MAX_STATUS_LIST_BYTES } from './limits.ts';
import { decodeBase64url, encodeBase64url } from './multibase.ts';

/** BSL §4.3 Validate Algorithm: minimumNumberOfEntries = 131,072 (16 KB), for herd privacy (§6.1). */
export const MIN_STATUS_LIST_ENTRIES = 131_072;

export { MAX_STATUS_LIST_BYTES } from './limits.ts';

export type StatusPurpose = 'revocation' | 'suspension' | 'refresh' | 'message';

/** An all-zero bitstring with room for `entries` statuses of one bit (BSL §4.1 step 1). */
export function createBitstring(entries: number = MIN_STATUS_LIST_ENTRIES): Uint8Array {
  if (!Number.isSafeInteger(entries) || entries < 1) throw new RangeError('A status list has at least one entry.');
  return new Uint8Array(Math.ceil(entries / 8));
}

/** The number of one-bit entries a bitstring holds. */
export function bitLength(bits: Uint8Array): number {
  return bits.length * 8;
}

function inRange(bits: Uint8Array, index: number): boolean {
  return Number.isSafeInteger(index) && index >= 0 && index < bitLength(bits);
}

/**
 * BSL §4.1 step 2 / §4.3: index 0 is the left-most, most significant bit of the first byte, so
 * bit i lives in byte ⌊i/8⌋ under mask 0x80 >> (i mod 8). Undefined when the index is out of range
 * (BSL §4.3 step 11, RANGE_ERROR).
 */
export function getBit(bits: Uint8Array, index: number): 0 | 1 | undefined {
  if (!inRange(bits, index)) return undefined;
  return (((bits[index >> 3] ?? 0) >> (7 - (index & 7))) & 1) as 0 | 1;
}

/**
 * Sets (or clears) bit `index` in place and returns the same array, so both `setBit(bits, i)` and
 * `bits = setBit(bits, i)` do what they say; copy first (`bits.slice()`) to keep the original.
 */
export function setBit(bits: Uint8Array, index: number, value: boolean = true): Uint8Array {
  if (!inRange(bits, index)) throw new RangeError(`Status index ${index} is outside a list of ${bitLength(bits)} entries.`);
  const mask = 0x80 >> (index & 7);
  const current = bits[index >> 3] ?? 0;
  bits[index >> 3] = value ? current | mask : current & ~mask;
  return bits;
}

/**
 * The status value of an entry `statusSize` bits wide, read at statusListIndex × statusSize
 * (BSL §4.3 steps 10–11), most significant bit first. Undefined when any bit is out of range.
 */
export function readStatus(bits: Uint8Array, index: number, statusSize: number = 1): number | undefined {
  if (!Number.isSafeInteger(statusSize) || statusSize < 1 || statusSize > 30) return undefined;
  let value = 0;
  for (let offset = 0; offset < statusSize; offset += 1) {
    const bit = getBit(bits, index * statusSize + offset);
    if (bit === undefined) return undefined;
    value = (value << 1) | bit;
  }
  return value;
}

/**
 * BSL §4.1 Generate Algorithm step 3: GZIP (RFC 1952) the bitstring, then multibase base64url
 * without padding (prefix `u`). The GZIP header's mtime is 0 so the same bits always give the same
 * string (and so the same signature) on every build.
 */
export function encodeStatusList(bits: Uint8Array): string {
  return encodeBase64url(gzipSync(bits, { level: 9, mtime: 0 }));
}

export type DecodeStatusListResult = { ok: true; bits: Uint8Array } | { ok: false; reason: string };

/** How a list writes its `encodedList`: BSL's multibase, or StatusList2021's bare base64. */
export type StatusListFormat = 'bitstring' | 'status-list-2021';

/**
 * StatusList2021 §"StatusList2021Credential": "the GZIP-compressed, base-64 encoded bitstring",
 * with no multibase prefix. Deployed issuers write base64url without padding (as the report's own
 * example does) or plain base64, so both alphabets are read, with or without padding.
 */
function decodeBareBase64(value: string): Uint8Array | undefined {
  for (const coder of [base64urlnopad, base64url, base64, base64nopad]) {
    try {
      return coder.decode(value);
    } catch {
      // the next alphabet
    }
  }
  return undefined;
}

/**
 * BSL §4.2 Expand Algorithm: multibase-decode, then GUNZIP (StatusList2021: base64-decode, then
 * GUNZIP). Never throws on untrusted input.
 */
export function decodeStatusList(encodedList: unknown, maxBytes: number = MAX_STATUS_LIST_BYTES, format: StatusListFormat = 'bitstring'): DecodeStatusListResult {
  if (typeof encodedList !== 'string') return { ok: false, reason: 'The encodedList is not a string.' };
  const compressed = format === 'bitstring' ? decodeBase64url(encodedList) : decodeBareBase64(encodedList);
  if (!compressed) {
    return { ok: false, reason: format === 'bitstring' ? 'The encodedList is not multibase base64url (it must start with "u").' : 'The encodedList is not base64.' };
  }
  // Streamed in small slices, so that a GZIP bomb is abandoned as soon as it passes the cap.
  const inflated = inflateBounded(compressed, 'gzip', maxBytes);
  if (!inflated.ok) {
    return { ok: false, reason: inflated.reason === 'too-large' ? `The status list expands to more than ${maxBytes} bytes.` : 'The encodedList is not valid GZIP data.' };
  }
  if (inflated.bytes.length === 0) return { ok: false, reason: 'The encodedList expands to an empty bitstring.' };
  return { ok: true, bits: inflated.bytes };
}

export interface StatusListCredentialInput {
  /** The URL the list is published at; entries name it in `statusListCredential`. */
  id: string;
  /** The issuer's id (Laurel: the site's did:web). BSL §2.2 allows it to differ from the credentials' issuer. */
  issuer: string;
  validFrom: string;
  validUntil?: string | undefined;
  statusPurpose: StatusPurpose;
  encodedList: string;
}

/**
 * An unsigned BitstringStatusListCredential (BSL §2.2): the VC v2 context alone defines every
 * term it uses, so the list needs no other context. Sign it like any credential before publishing.
 */
export function buildStatusListCredential(input: StatusListCredentialInput): Record<string, unknown> {
  return {
    '@context': [CREDENTIALS_V2_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom,
    ...(input.validUntil === undefined ? {} : { validUntil: input.validUntil }),
    credentialSubject: {
      // BSL §2.2 example: the subject is the list itself, named by a fragment of the credential URL.
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: input.statusPurpose,
      encodedList: input.encodedList,
    },
  };
}
