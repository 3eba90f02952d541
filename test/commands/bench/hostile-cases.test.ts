/**
 * The hostile cases of `npm run bench -- --hostile`: each generator makes the input it claims
 * (size, shape, what it expands to, checked with node:zlib), and the verifier refuses each.
 * Outcomes only: the figures are the benchmark's to report, not a test's to assert.
 */
import { inflateRawSync, inflateSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../../src/commands/bench/hostile-cases.ts';
import { runHostileCase } from '../../../src/commands/bench/hostile.ts';
import { cdataSvg, compressedItxtPngBomb, deflateBomb, emailLikeLine, gzipBomb, statusListBomb, zlibBomb } from '../../../src/commands/bench/hostile-inputs.ts';
import { MAX_IMAGE_BYTES } from '../../../src/core/limits.ts';

const MB = 1024 * 1024;

describe('hostile inputs', () => {
  it('make DEFLATE, zlib and GZIP bombs that are valid streams of the size they claim', () => {
    expect(inflateRawSync(deflateBomb(3, 0x20)).equals(Buffer.alloc(3 * MB, 0x20))).toBe(true);
    expect(inflateSync(zlibBomb(3, 0x20)).equals(Buffer.alloc(3 * MB, 0x20))).toBe(true); // Adler-32 checked by zlib
    expect(gunzipSync(gzipBomb(3)).equals(Buffer.alloc(3 * MB))).toBe(true); // CRC-32 and size checked by zlib
    expect(zlibBomb(100).length).toBeLessThan(110 * 1024);
  });

  it('make a PNG of the size asked with one compressed credential chunk, expanding about 1,000 times', () => {
    const png = compressedItxtPngBomb(MB);
    expect(png.length).toBeLessThanOrEqual(MB);
    expect(png.length).toBeGreaterThan(MB - 2048);
    const itxt = png.indexOf('iTXt');
    const data = png.subarray(itxt + 4, itxt + 4 + png.readUInt32BE(itxt - 4));
    expect(data.subarray(0, 24).toString('latin1')).toBe('openbadgecredential\0\x01\0\0\0');
    // Inflated with a cap, so the test itself is bounded: more than 64 MB of output (the bombs above show the ratio).
    expect(() => inflateSync(data.subarray(24), { maxOutputLength: 64 * MB })).toThrow(RangeError);
  });

  it('make an SVG, an encodedList and a line of the shape they claim', () => {
    const svg = cdataSvg(MAX_IMAGE_BYTES);
    expect(svg.length).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
    expect(svg.length).toBeGreaterThan(MAX_IMAGE_BYTES - 64);
    expect(svg.split('<![CDATA[]]>').length - 1).toBeGreaterThan(690_000);
    const list = statusListBomb(MB);
    expect(list.startsWith('u') && list.length <= MB && list.length > MB - 4096).toBe(true);
    expect(() => gunzipSync(Buffer.from(list.slice(1), 'base64url'), { maxOutputLength: 64 * MB })).toThrow(RangeError);
    const line = emailLikeLine(MB);
    expect(line).toHaveLength(MB);
    expect(line).toMatch(/^(a{4095}@)+a*$/);
  });
});

describe('hostile cases', () => {
  it('have unique names, and every reading case is refused', async () => {
    const names = HOSTILE_CASES.map((hostile) => hostile.name);
    expect(new Set(names).size).toBe(names.length);
    for (const hostile of HOSTILE_CASES.filter((candidate) => candidate.name !== 'email-check-line')) {
      expect(await hostile.prepare()(), hostile.name).toMatchObject({ refused: true });
    }
    // Each content and verification case is refused for its own reason, not for a mistake in the case.
    const detail = async (name: string) => (await HOSTILE_CASES.find((hostile) => hostile.name === name)!.prepare()()).detail;
    expect(await detail('yaml-alias-bomb')).toBe('yaml-alias-limit');
    expect(await detail('long-narrative')).toBe('invalid-value');
    expect(await detail('forged-https-issuer')).toBe("failed; issuer's key failed");
  }, 60_000);

  it('run in a child process that reports its time, memory and outcome', () => {
    const run = runHostileCase('png-itxt-bomb-1mb');
    expect(run).toMatchObject({ ok: true, measurement: { outcome: { refused: true, detail: 'unreadable: compressed-too-large' } } });
    if (run.ok) expect(run.measurement.maxRssKb).toBeGreaterThanOrEqual(run.measurement.preparedRssKb);
    expect(runHostileCase('no-such-case')).toMatchObject({ ok: false, problem: expect.stringContaining('exited with 2') });
  });
});
