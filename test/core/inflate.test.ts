/**
 * Bounded inflating (RFC 1950 zlib, RFC 1952 GZIP): what a small file may expand to is capped,
 * and the work stops as soon as the output passes the cap. Bombs are made by the test, in memory.
 */
import fc from 'fast-check';
import { gzipSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateBounded, MAX_STEP_BYTES } from '../../src/core/inflate.ts';
import { gzipBomb, zlibBomb } from '../../src/commands/bench/hostile-inputs.ts';

const MB = 1024 * 1024;

describe('inflateBounded', () => {
  it('gives back what was compressed, in either wrapper', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), (bytes) => {
        const zlib = inflateBounded(zlibSync(bytes), 'zlib', MB);
        const gzip = inflateBounded(gzipSync(bytes), 'gzip', MB);
        return zlib.ok && gzip.ok && Buffer.from(zlib.bytes).equals(bytes) && Buffer.from(gzip.bytes).equals(bytes);
      }),
      { numRuns: 50 },
    );
    const big = new Uint8Array(3 * MB).map((_, index) => index % 251);
    const inflated = inflateBounded(gzipSync(big), 'gzip', 3 * MB);
    expect(inflated.ok && Buffer.from(inflated.bytes).equals(big)).toBe(true);
  });

  it('stops a bomb soon after the cap, not at the end of its expansion', () => {
    // 256 MB of zeros in about 260 KB: the inflate must give up at 1 MB and a step.
    for (const [bomb, compression] of [[zlibBomb(256), 'zlib'], [gzipBomb(256), 'gzip']] as const) {
      const result = inflateBounded(bomb, compression, MB);
      expect(result).toMatchObject({ ok: false, reason: 'too-large' });
      if (!result.ok) expect(result.inflatedBytes).toBeLessThanOrEqual(MB + MAX_STEP_BYTES);
    }
    // The same bomb under a cap it fits: the generator's stream is valid to its last byte.
    const fits = inflateBounded(zlibBomb(3), 'zlib', 3 * MB);
    expect(fits.ok && fits.bytes.length).toBe(3 * MB);
  });

  it('says "invalid" for data that is not compressed, truncated or empty, and never throws', () => {
    expect(inflateBounded(new TextEncoder().encode('not compressed at all'), 'zlib', MB)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(inflateBounded(zlibSync(new Uint8Array(5000).fill(7)).subarray(0, 20), 'zlib', MB)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(inflateBounded(new Uint8Array(), 'gzip', MB)).toMatchObject({ ok: false, reason: 'invalid' });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('zlib' as const, 'gzip' as const), (bytes, compression) => void inflateBounded(bytes, compression, MB)));
  });
});
