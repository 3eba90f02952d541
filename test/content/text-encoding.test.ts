/** UTF-8 decoding of content files: valid text as it is, anything else located at its first bad byte. */
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/content/text-encoding.ts';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('decodeUtf8', () => {
  it('decodes UTF-8, without its byte-order mark', () => {
    expect(decodeUtf8(new Uint8Array(utf8('Zoë 🎓')))).toEqual({ ok: true, text: 'Zoë 🎓' });
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a')]))).toEqual({ ok: true, text: 'a' });
  });

  it.each([
    ['a Latin-1 letter', [...utf8('name: Zo'), 0xeb], { line: 1, column: 9 }, 0xeb],
    ['a bad byte after lines, accents, emoji and a real U+FFFD', [...utf8('a: 1\nb: é🎓\uFFFD x '), 0x92], { line: 2, column: 11 }, 0x92],
    ['an overlong encoding', [...utf8('x\n\ny'), 0xc0, 0x80], { line: 3, column: 2 }, 0xc0],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], { line: 1, column: 1 }, 0xed],
    ['a sequence cut short at the end', [...utf8('ok '), 0xe2, 0x82], { line: 1, column: 4 }, 0xe2],
    ['a bad byte after a byte-order mark', [0xef, 0xbb, 0xbf, ...utf8('ab'), 0xff], { line: 1, column: 3 }, 0xff],
  ])('locates %s', (_what, bytes, position, byte) => {
    const decoded = decodeUtf8(new Uint8Array(bytes));
    expect(decoded).toMatchObject({ ok: false, position, byte });
  });
});
