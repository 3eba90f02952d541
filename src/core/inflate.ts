/**
 * Inflating untrusted zlib (RFC 1950) and GZIP (RFC 1952) data with a cap on what it expands to.
 * DEFLATE (RFC 1951) turns one byte into as many as 1,032, so a small file can ask for gigabytes:
 * the output is counted as it is produced and the work stops as soon as it passes the cap.
 * fflate's streaming decoders emit the whole output of one `push` at once, so the input is pushed
 * in small slices: one push can never produce more than about 1,032 × SLICE_BYTES.
 */
import { Gunzip, Unzlib } from 'fflate';

/** The input fed to the decoder at a time, so that one step expands to at most about 1 MB. */
export const SLICE_BYTES = 1024;

/** The most one step can produce beyond the cap: a slice at DEFLATE's best ratio (RFC 1951 §3.2.5: 258 bytes per 2 bits), plus slack. */
export const MAX_STEP_BYTES = SLICE_BYTES * 1032 + 64 * 1024;

export type Compression = 'zlib' | 'gzip';

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** `inflatedBytes`: how much was produced before the work stopped (at most maxBytes + MAX_STEP_BYTES). */
  | { readonly ok: false; readonly reason: 'too-large' | 'invalid'; readonly inflatedBytes: number };

/** Inflates `compressed`, or says why not: more than `maxBytes` of output, or not valid data. Never throws. */
export function inflateBounded(compressed: Uint8Array, compression: Compression, maxBytes: number): InflateResult {
  // An empty stream has no final block (RFC 1951 §3.2.3), whatever a decoder makes of it.
  if (compressed.length === 0) return { ok: false, reason: 'invalid', inflatedBytes: 0 };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const onData = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  };
  try {
    const decoder = compression === 'gzip' ? new Gunzip(onData) : new Unzlib(onData);
    for (let offset = 0; offset < compressed.length && total <= maxBytes; offset += SLICE_BYTES) {
      const end = Math.min(offset + SLICE_BYTES, compressed.length);
      decoder.push(compressed.subarray(offset, end), end === compressed.length);
    }
  } catch {
    if (total <= maxBytes) return { ok: false, reason: 'invalid', inflatedBytes: total };
  }
  if (total > maxBytes) return { ok: false, reason: 'too-large', inflatedBytes: total };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}
