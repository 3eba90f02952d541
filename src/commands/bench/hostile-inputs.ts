/**
 * Hostile inputs for `npm run bench -- --hostile` and the tests of the limits: made in memory, in
 * a few milliseconds, at any size, so that none is ever committed. A DEFLATE bomb is one
 * compressed megabyte of a single byte value repeated: zlib's full flush (RFC 1951 §3.2.4: an empty
 * stored block ends it on a byte boundary, and the history is reset) makes that block valid at any
 * position, so n copies expand to n MB, about 1,000 times the size of the file.
 */
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { crc32 as pngCrc32, OB3_NAMESPACE, PNG_KEYWORD } from '../../core/baking.ts';

const MB = 1024 * 1024;

const blocks = new Map<number, Buffer>();

/** One megabyte of `fill`, deflated as a non-final block that any number of copies may follow. */
function megabyteBlock(fill: number): Buffer {
  let block = blocks.get(fill);
  if (!block) blocks.set(fill, (block = deflateRawSync(Buffer.alloc(MB, fill), { level: 9, finishFlush: constants.Z_FULL_FLUSH })));
  return block;
}

/** How many expanded megabytes of `fill` fit in `compressedBytes` (wrappers aside). */
function megabytesIn(compressedBytes: number, fill: number): number {
  return Math.max(1, Math.floor(compressedBytes / megabyteBlock(fill).length));
}

/** A raw DEFLATE stream of `megabytes` MB of `fill` (RFC 1951), ended by an empty final fixed-Huffman block. */
export function deflateBomb(megabytes: number, fill: number = 0): Buffer {
  const block = megabyteBlock(fill);
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

/** RFC 1950 Adler-32 of `megabytes` MB of `fill`, in closed form (a = 1 + Σ bytes, b = Σ a). */
function adler32OfRun(megabytes: number, fill: number): number {
  const n = BigInt(megabytes) * BigInt(MB);
  const byte = BigInt(fill);
  const a = (1n + n * byte) % 65521n;
  const b = (n + (byte * n * (n + 1n)) / 2n) % 65521n;
  return Number((b << 16n) | a);
}

/** The bomb in a zlib wrapper (RFC 1950), as a compressed PNG iTXt chunk holds it (PNG §10.1). */
export function zlibBomb(megabytes: number, fill: number = 0): Buffer {
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler32OfRun(megabytes, fill) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), deflateBomb(megabytes, fill), trailer]);
}

/** The bomb in a GZIP wrapper (RFC 1952), as a status list's encodedList holds it. */
export function gzipBomb(megabytes: number, fill: number = 0): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0x02, 0xff]);
  const unit = Buffer.alloc(MB, fill);
  let crc = 0;
  for (let index = 0; index < megabytes; index += 1) crc = crc32(unit, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((megabytes * MB) % 2 ** 32, 4);
  return Buffer.concat([header, deflateBomb(megabytes, fill), trailer]);
}

/** A PNG chunk (PNG §5.3): length, type, data, CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(pngCrc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** A 1×1 grey PNG (PNG §11.2) with `chunks` between IHDR and IDAT. */
export function pngWith(chunks: Buffer[]): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1×1, 8-bit greyscale
  const pixels = deflateSync(Buffer.from([0, 0x80])); // filter type 0, one grey pixel
  return Buffer.concat([signature, pngChunk('IHDR', header), ...chunks, pngChunk('IDAT', pixels), pngChunk('IEND', new Uint8Array())]);
}

/** An `openbadgecredential` iTXt chunk (PNG §11.3.4.5) with compression flag 1 and `compressed` as its text. */
export function compressedCredentialChunk(compressed: Uint8Array): Buffer {
  const head = Buffer.from(`${PNG_KEYWORD}\0\x01\0\0\0`, 'latin1'); // keyword, flag 1, method 0, no language, no translation
  return pngChunk('iTXt', Buffer.concat([head, compressed]));
}

/**
 * A PNG of about `fileBytes` whose credential chunk is compressed (against OB 3.0's MUST NOT) and
 * expands to spaces: about 1,000 times the file's size.
 */
export function compressedItxtPngBomb(fileBytes: number): Buffer {
  const megabytes = megabytesIn(fileBytes - 200, 0x20);
  return pngWith([compressedCredentialChunk(zlibBomb(megabytes, 0x20))]);
}

/** An SVG of about `fileBytes` with a credential element full of empty CDATA sections (XML 1.0 §2.7). */
export function cdataSvg(fileBytes: number): string {
  const open = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${OB3_NAMESPACE}"><openbadges:credential>`;
  const close = '</openbadges:credential></svg>';
  const section = '<![CDATA[]]>';
  return `${open}${section.repeat(Math.floor((fileBytes - open.length - close.length) / section.length))}${close}`;
}

/** A multibase encodedList (BSL §4.1) of about `encodedChars` characters, GZIP of zeros about 1,000 times larger. */
export function statusListBomb(encodedChars: number): string {
  const megabytes = megabytesIn((encodedChars * 3) / 4 - 32, 0);
  return `u${gzipBomb(megabytes).toString('base64url')}`;
}

/** One line of `length` characters, no space and no dot: runs of `a` of `run` characters, each ended by `@`. */
export function emailLikeLine(length: number, run: number = 4095): string {
  const unit = `${'a'.repeat(run)}@`;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
