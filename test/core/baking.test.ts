/**
 * Baking (OB 3.0 §"Baking", STANDARDS §1.13): round trips, re-baking, and PNG chunks checked with
 * decoders that share no code with src/core/baking.ts (pngjs for the image, zlib's CRC-32).
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zlibSync } from 'fflate';
import { bakePng, bakeSvg, CLR_BAKING, CLR_NAMESPACE, crc32, extractPng, extractSvg, OB3_NAMESPACE, OPEN_BADGE_BAKING, readPngCredential } from '../../src/core/baking.ts';
import { MAX_INPUT_BYTES } from '../../src/core/limits.ts';
import { cdataSvg, compressedCredentialChunk, compressedItxtPngBomb, pngChunk, pngWith, zlibBomb } from '../../src/commands/bench/hostile-inputs.ts';

/** A small RGBA image encoded by pngjs, so the input is not from our own renderer either. */
function samplePng(): Uint8Array {
  const png = new PNG({ width: 3, height: 2 });
  png.data.set([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 9, 9, 9, 0, 200, 100, 50, 128, 1, 2, 3, 4]);
  return new Uint8Array(PNG.sync.write(png));
}

interface RawChunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

/** Walks the chunks by hand, checking each CRC with zlib (PNG §5.3, §5.5). */
function chunks(png: Uint8Array): RawChunk[] {
  const buffer = Buffer.from(png);
  const out: RawChunk[] = [];
  for (let offset = 8; offset < buffer.length; ) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    const crcOk = zlibCrc32(buffer.subarray(offset + 4, offset + 8 + length)) === buffer.readUInt32BE(offset + 8 + length);
    out.push({ type, data, crcOk });
    offset += 12 + length;
  }
  return out;
}

const credential = JSON.stringify({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Zoë Łukasiewicz — 東京 🎓',
  description: 'Has "quotes", <angle brackets>, & ampersands, and a CDATA end ]]> in the middle]]>',
});

describe('crc32 (PNG §5.5, ISO 3309)', () => {
  it('gives the standard check value and the IEND constant', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('agrees with zlib on any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => crc32(bytes) === zlibCrc32(bytes)));
  });
});

describe('bakePng / extractPng', () => {
  it('gives back the exact credential, non-ASCII included', () => {
    const baked = bakePng(samplePng(), credential);
    expect(extractPng(baked)).toBe(credential);
  });

  it('writes one uncompressed iTXt right after IHDR, with valid CRCs and an intact image', () => {
    const original = samplePng();
    const baked = bakePng(original, credential);
    const list = chunks(baked);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'iTXt', ...chunks(original).slice(1).map((c) => c.type)]);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const itxt = list[1]!.data;
    // keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL
    const head = Buffer.from('openbadgecredential\0\0\0\0\0', 'latin1');
    expect(itxt.subarray(0, head.length).equals(head)).toBe(true);
    expect(itxt.subarray(head.length).toString('utf8')).toBe(credential);
    // pngjs decodes the same pixels as before baking
    expect(PNG.sync.read(Buffer.from(baked)).data.equals(PNG.sync.read(Buffer.from(original)).data)).toBe(true);
  });

  it('replaces the credential on re-bake, never duplicates it', () => {
    const once = bakePng(samplePng(), credential);
    const twice = bakePng(once, '{"second":true}');
    const credentialChunks = chunks(twice).filter((c) => c.type === 'iTXt');
    expect(credentialChunks).toHaveLength(1);
    expect(extractPng(twice)).toBe('{"second":true}');
    expect(bakePng(twice, credential)).toEqual(once);
  });

  it('keeps other iTXt chunks', () => {
    const other = makeItxt('Comment', 'hello');
    const png = samplePng();
    const withComment = new Uint8Array([...png.subarray(0, png.length - 12), ...other, ...png.subarray(png.length - 12)]);
    const baked = bakePng(withComment, credential);
    expect(chunks(baked).filter((c) => c.type === 'iTXt')).toHaveLength(2);
    expect(extractPng(baked)).toBe(credential);
  });

  it('reads a compressed chunk baked by another tool', async () => {
    const { zlibSync } = await import('fflate');
    const text = new TextEncoder().encode(credential);
    const data = new Uint8Array([...new TextEncoder().encode('openbadgecredential'), 0, 1, 0, 0, 0, ...zlibSync(text)]);
    const png = samplePng();
    const baked = new Uint8Array([...png.subarray(0, 33), ...makeChunk('iTXt', data), ...png.subarray(33)]);
    expect(extractPng(baked)).toBe(credential);
  });

  it('returns undefined for non-PNG, truncated, unbaked or corrupted input, and never throws', () => {
    const baked = bakePng(samplePng(), credential);
    expect(extractPng(new Uint8Array())).toBeUndefined();
    expect(extractPng(new TextEncoder().encode('<svg/>'))).toBeUndefined();
    expect(extractPng(samplePng())).toBeUndefined();
    expect(extractPng(baked.subarray(0, 60))).toBeUndefined();
    const corrupted = baked.slice();
    corrupted[60] = corrupted[60]! ^ 0xff; // inside the iTXt text: its CRC no longer matches
    expect(extractPng(corrupted)).toBeUndefined();
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void extractPng(bytes)));
    fc.assert(
      fc.property(fc.nat({ max: baked.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const copy = baked.slice();
        copy[at] = copy[at]! ^ flip;
        const result = extractPng(copy);
        return result === undefined || result === credential;
      }),
    );
  });

  it('inflates a compressed chunk only up to the input limit (a zlib bomb)', () => {
    // 64 MB of spaces in a 64 KB file: read as "too large" once the output passes 1 MB.
    const bomb = compressedItxtPngBomb(64 * 1024);
    expect(bomb.length).toBeLessThan(80 * 1024);
    expect(readPngCredential(bomb)).toEqual({ ok: false, reason: 'too-large' });
    expect(extractPng(bomb)).toBeUndefined();
    // Just under the limit, compressed, it still reads.
    const spaces = ' '.repeat(MAX_INPUT_BYTES - 2);
    const fits = pngWith([compressedCredentialChunk(zlibSync(new TextEncoder().encode(`{${spaces}}`)))]);
    expect(readPngCredential(fits)).toEqual({ ok: true, text: `{${spaces}}` });
  });

  it('reads the first credential chunk only, however many follow', () => {
    const good = compressedCredentialChunk(zlibSync(new TextEncoder().encode('{"good":true}')));
    const broken = compressedCredentialChunk(new TextEncoder().encode('not zlib'));
    expect(extractPng(pngWith([good, broken]))).toBe('{"good":true}');
    // OB 3.0 allows one: a broken first chunk is not skipped for a later one.
    expect(extractPng(pngWith([broken, good]))).toBeUndefined();
    // A thousand chunks that each expand to 1 MB of invalid UTF-8: one is decoded, then the answer.
    const invalid = compressedCredentialChunk(zlibBomb(1, 0xff));
    expect(readPngCredential(pngWith(Array.from({ length: 1000 }, () => invalid)))).toEqual({ ok: false, reason: 'no-credential' });
  });

  it('walks files of many chunks, huge chunks and chunks without a keyword', () => {
    const empty = Buffer.from([0, 0, 0, 0, 0x74, 0x45, 0x58, 0x74, 0x00, 0x00, 0x00, 0x00]); // a zero-length tEXt, CRC not checked
    const many = pngWith(Array.from({ length: 500_000 }, () => empty));
    expect(extractPng(many)).toBeUndefined();
    const noKeyword = pngChunk('iTXt', new Uint8Array(4 * 1024 * 1024).fill(0x61));
    const text = pngChunk('tEXt', new Uint8Array(4 * 1024 * 1024).fill(0x61));
    expect(extractPng(pngWith([noKeyword, text]))).toBeUndefined();
    const baked = bakePng(pngWith([noKeyword]), credential);
    expect(extractPng(baked)).toBe(credential);
  });

  it('refuses to bake into something that is not a PNG', () => {
    expect(() => bakePng(new Uint8Array([1, 2, 3]), credential)).toThrow(/not a well-formed PNG/);
  });
});

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const body = new Uint8Array([...new TextEncoder().encode(type), ...data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.set(body, 4);
  out.writeUInt32BE(zlibCrc32(body), 8 + data.length);
  return new Uint8Array(out);
}

function makeItxt(keyword: string, text: string): Uint8Array {
  return makeChunk('iTXt', new Uint8Array([...new TextEncoder().encode(keyword), 0, 0, 0, 0, 0, ...new TextEncoder().encode(text)]));
}

describe('bakeSvg / extractSvg', () => {
  const svg = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a badge -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" data-note="a > b"><rect width="10" height="10"/></svg>\n';

  it('gives back the exact credential, including one containing "]]>"', () => {
    const baked = bakeSvg(svg, credential);
    expect(extractSvg(baked)).toBe(credential);
    const xmlText = fc.string({ unit: 'grapheme' }).filter((text) => text !== '' && !/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text));
    fc.assert(fc.property(xmlText, (text) => extractSvg(bakeSvg(svg, text)) === text));
  });

  it('declares the namespace on the root and puts the element directly after the start tag', () => {
    const baked = bakeSvg(svg, '{"a":1}');
    expect(baked).toContain(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" data-note="a > b" xmlns:openbadges="${OB3_NAMESPACE}">` +
        '<openbadges:credential><![CDATA[{"a":1}]]></openbadges:credential><rect',
    );
    expect(baked.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- a badge -->\n')).toBe(true);
  });

  it('splits CDATA around "]]>" so the XML stays well-formed', () => {
    const baked = bakeSvg(svg, '{"x":"]]>"}');
    expect(baked).toContain('<![CDATA[{"x":"]]]]><![CDATA[>"}]]>');
  });

  it('replaces the credential on re-bake: one element, one namespace declaration', () => {
    const twice = bakeSvg(bakeSvg(svg, credential), '{"second":true}');
    expect(twice.match(/<openbadges:credential>/g)).toHaveLength(1);
    expect(twice.match(/xmlns:openbadges=/g)).toHaveLength(1);
    expect(extractSvg(twice)).toBe('{"second":true}');
    expect(bakeSvg(twice, credential)).toBe(bakeSvg(svg, credential));
  });

  it('handles a self-closing root', () => {
    const baked = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', '{}');
    expect(baked).toBe(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NAMESPACE}"><openbadges:credential><![CDATA[{}]]></openbadges:credential></svg>`,
    );
    expect(extractSvg(baked)).toBe('{}');
  });

  it('reads credentials baked by other tools: another prefix, escaped text, indentation, VC-JWT', () => {
    const prefixed = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="${OB3_NAMESPACE}">\n  <ob:credential>\n    <![CDATA[{"a":1}]]>\n  </ob:credential>\n</svg>`;
    expect(extractSvg(prefixed)).toBe('{"a":1}');
    const escaped = `<svg xmlns:openbadges="${OB3_NAMESPACE}"><openbadges:credential>{&quot;a&quot;:&#49;}</openbadges:credential></svg>`;
    expect(extractSvg(escaped)).toBe('{"a":1}');
    const jwt = `<svg xmlns:openbadges="${OB3_NAMESPACE}"><openbadges:credential verify="eyJh.eyJi.c2ln"></openbadges:credential></svg>`;
    expect(extractSvg(jwt)).toBe('eyJh.eyJi.c2ln');
    // Re-baking a file baked with another prefix removes its credential too.
    expect(bakeSvg(prefixed, '{"b":2}').match(/credential>/g)).toHaveLength(2);
  });

  it('returns undefined for anything without a credential, and never throws', () => {
    expect(extractSvg('')).toBeUndefined();
    expect(extractSvg(svg)).toBeUndefined();
    expect(extractSvg('<html><svg></svg></html>')).toBeUndefined();
    expect(extractSvg(`<svg xmlns:openbadges="${OB3_NAMESPACE}"><openbadges:credential><![CDATA[{"a":1}`)).toBeUndefined();
    fc.assert(fc.property(fc.string(), (text) => void extractSvg(text)));
    fc.assert(fc.property(fc.string(), (text) => void extractSvg(`<svg xmlns:openbadges="${OB3_NAMESPACE}"><openbadges:credential>${text}`)));
  });

  it('reads a credential after 8 MB of CDATA sections, in one pass', () => {
    const sections = cdataSvg(8 * 1024 * 1024);
    expect(sections.length).toBeGreaterThan(8 * 1024 * 1024 - 64);
    expect(extractSvg(sections)).toBeUndefined(); // only empty sections: no credential text
    const withText = sections.replace('</openbadges:credential>', '<![CDATA[{"a":1}]]></openbadges:credential>');
    expect(extractSvg(withText)).toBe('{"a":1}');
  });

  it('stays linear on start tags left open, many prefixes and many elements', () => {
    const root = `<svg xmlns:openbadges="${OB3_NAMESPACE}">`;
    expect(extractSvg(`${root}${'<openbadges:credential '.repeat(300_000)}`)).toBeUndefined();
    expect(extractSvg(`${root}${'<openbadges:credential a="'.repeat(300_000)}`)).toBeUndefined();
    expect(extractSvg(`${root}<openbadges:credential>${'<![CDATA['.repeat(800_000)}`)).toBeUndefined();
    // 20,000 prefixes bound to the namespace, then 2 MB of other elements before the credential.
    const prefixes = Array.from({ length: 20_000 }, (_, index) => ` xmlns:p${index}="${OB3_NAMESPACE}"`).join('');
    const filler = '<g/>'.repeat(512 * 1024);
    expect(extractSvg(`<svg${prefixes}>${filler}<p19999:credential><![CDATA[{"b":2}]]></p19999:credential></svg>`)).toBe('{"b":2}');
    // Re-baking over 200,000 old credential elements keeps exactly one.
    const crowded = `${root}${'<openbadges:credential verify="x"/>'.repeat(200_000)}<rect/></svg>`;
    const rebaked = bakeSvg(crowded, '{"c":3}');
    expect(rebaked.match(/<openbadges:credential/g)).toHaveLength(1);
    expect(rebaked).toContain('<rect/></svg>');
    expect(extractSvg(rebaked)).toBe('{"c":3}');
  });

  it('skips comments and CDATA outside the credential element', () => {
    const root = `<svg xmlns:openbadges="${OB3_NAMESPACE}">`;
    expect(extractSvg(`${root}<!-- <openbadges:credential>{"old":1}</openbadges:credential> --></svg>`)).toBeUndefined();
    expect(extractSvg(`${root}<style><![CDATA[ <openbadges:credential>{"css":1}</openbadges:credential> ]]></style><openbadges:credential>{"real":1}</openbadges:credential></svg>`)).toBe('{"real":1}');
  });

  it('refuses what XML cannot carry', () => {
    expect(() => bakeSvg('<html/>', '{}')).toThrow(/no <svg> root/);
    expect(() => bakeSvg(svg, '{"a":"\uFFFF"}')).toThrow(/characters XML cannot hold/);
  });
});

describe('a CLR 2.0 credential baked under its own names', () => {
  const clr = '{"type":["VerifiableCredential","ClrCredential"]}';
  const badge = '{"type":["VerifiableCredential","OpenBadgeCredential"]}';

  it('PNG: one iTXt chunk with keyword clrcredential, read by default and not by an Open Badges-only reader', () => {
    const baked = bakePng(samplePng(), clr, CLR_BAKING);
    const itxt = chunks(baked).filter((chunk) => chunk.type === 'iTXt');
    expect(itxt.map((chunk) => chunk.data.subarray(0, 14).toString('latin1'))).toEqual(['clrcredential\0']);
    expect(itxt.every((chunk) => chunk.crcOk)).toBe(true);
    expect(extractPng(baked)).toBe(clr);
    expect(readPngCredential(baked, [OPEN_BADGE_BAKING])).toEqual({ ok: false, reason: 'no-credential' });
    // Baking the other kind replaces it: an image carries one credential.
    const rebaked = bakePng(baked, badge);
    expect(chunks(rebaked).filter((chunk) => chunk.type === 'iTXt')).toHaveLength(1);
    expect(extractPng(rebaked)).toBe(badge);
    expect(extractPng(rebaked, [CLR_BAKING])).toBeUndefined();
  });

  it('SVG: a credential element in the CLR namespace, under whatever prefix the root binds to it', () => {
    const baked = bakeSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', clr, CLR_BAKING);
    expect(baked).toBe(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:clr="${CLR_NAMESPACE}"><clr:credential><![CDATA[${clr}]]></clr:credential></svg>`);
    expect(extractSvg(baked)).toBe(clr);
    expect(extractSvg(baked, [OPEN_BADGE_BAKING])).toBeUndefined();
    const otherPrefix = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:r="${CLR_NAMESPACE}"><r:credential><![CDATA[${clr}]]></r:credential></svg>`;
    expect(extractSvg(otherPrefix)).toBe(clr);
    const rebaked = bakeSvg(baked, badge);
    expect(rebaked).not.toContain('clr:credential>');
    expect(rebaked).toContain(`xmlns:openbadges="${OB3_NAMESPACE}"`);
    expect(extractSvg(rebaked)).toBe(badge);
  });
});
