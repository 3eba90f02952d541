/**
 * The reader the command line and the verify page share: JSON text, baked PNG and SVG badges, and
 * the limits that keep hostile input from exhausting memory or the stack.
 */
import { describe, expect, it } from 'vitest';
import { bakePng, bakeSvg } from '../../../src/core/baking.ts';
import {
  credentialFromBytes,
  credentialFromText,
  guardDocument,
  MAX_DEPTH,
  MAX_IMAGE_BYTES,
  MAX_INPUT_BYTES,
  parseDocument,
  parseJsonText,
} from '../../../src/core/verify/input.ts';
import { english } from '../../../src/core/verify/messages.ts';
import { cdataSvg, compressedItxtPngBomb } from '../../../src/commands/bench/hostile-inputs.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const GOLDEN = path.resolve(import.meta.dirname, '../../fixtures/golden');
const png = new Uint8Array(readFileSync(path.join(GOLDEN, 'badge-fixed.png')));
const svg = readFileSync(path.join(GOLDEN, 'badge-fixed.svg'), 'utf8');
const credential = JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], name: 'Ünïcode ✓' });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('credentialFromBytes and credentialFromText', () => {
  it('read JSON as it is, and unbake PNG and SVG badges to the exact credential text', () => {
    expect(credentialFromBytes(bytes(credential))).toEqual({ ok: true, text: credential, origin: 'json' });
    expect(credentialFromBytes(bakePng(png, credential))).toEqual({ ok: true, text: credential, origin: 'png' });
    expect(credentialFromBytes(bytes(bakeSvg(svg, credential)))).toEqual({ ok: true, text: credential, origin: 'svg' });
    expect(credentialFromText(bakeSvg(svg, credential))).toEqual({ ok: true, text: credential, origin: 'svg' });
  });

  it('say why an image or file holds no credential, with a code the messages word', () => {
    const cases: Array<[ReturnType<typeof credentialFromBytes>, string]> = [
      [credentialFromBytes(png), 'png-without-credential'],
      [credentialFromText(svg), 'svg-without-credential'],
      [credentialFromBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xc3])), 'not-a-credential-file'],
      [credentialFromBytes(bakePng(png, 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl')), 'vc-jwt'],
      [credentialFromText('   '), 'empty'],
      [credentialFromBytes(new Uint8Array(MAX_IMAGE_BYTES + 1)), 'image-too-large'],
    ];
    for (const [loaded, code] of cases) {
      expect(loaded, code).toMatchObject({ ok: false, code });
      if (!loaded.ok) expect(english.unreadable(loaded.code, loaded.params ?? {}).length, code).toBeGreaterThan(10);
    }
    expect(english.unreadable('image-too-large', { limit: MAX_IMAGE_BYTES })).toContain('8 MB');
  });
});

describe('hostile images', () => {
  it('refuse a PNG whose compressed credential expands past the input limit, saying so', () => {
    const loaded = credentialFromBytes(compressedItxtPngBomb(256 * 1024)); // expands to about 256 MB
    expect(loaded).toEqual({ ok: false, code: 'compressed-too-large', params: { limit: MAX_INPUT_BYTES } });
    expect(english.unreadable('compressed-too-large', { limit: MAX_INPUT_BYTES })).toBe('the credential compressed in this PNG image expands to more than 1 MB, the most this verifier reads');
  });

  it('answer an 8 MB SVG of empty CDATA sections, and a PNG of 8 MB, with "no credential"', () => {
    expect(credentialFromBytes(bytes(cdataSvg(MAX_IMAGE_BYTES)))).toEqual({ ok: false, code: 'svg-without-credential' });
    expect(credentialFromBytes(compressedItxtPngBomb(MAX_IMAGE_BYTES))).toMatchObject({ ok: false, code: 'compressed-too-large' });
  });
});

describe('parseJsonText and guardDocument', () => {
  it('parse a document, a byte-order mark included, and refuse what is not one', () => {
    expect(parseDocument(`\uFEFF${credential}`)).toEqual({ ok: true, document: JSON.parse(credential) });
    expect(parseDocument('[1, 2]')).toMatchObject({ ok: false, code: 'not-object' });
    expect(parseJsonText('{"a":')).toMatchObject({ ok: false, code: 'invalid-json' });
    expect(parseJsonText(`{"a":"${'x'.repeat(MAX_INPUT_BYTES)}"}`)).toMatchObject({ ok: false, code: 'too-large', params: { limit: MAX_INPUT_BYTES } });
  });

  it('stop at the nesting limit before parsing, and on parsed values that JSON cannot hold', () => {
    const deep = `${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`;
    expect(parseJsonText(deep)).toMatchObject({ ok: false, code: 'too-deep' });
    expect(parseJsonText(`"${'['.repeat(MAX_DEPTH + 5)}"`)).toMatchObject({ ok: true });
    let nested: unknown = {};
    for (let i = 0; i < MAX_DEPTH + 2; i += 1) nested = { nested };
    expect(guardDocument(nested)).toMatchObject({ ok: false, code: 'too-deep' });
    expect(guardDocument({ when: new Date(0) })).toMatchObject({ ok: false, code: 'not-json-value' });
    expect(guardDocument({ n: Number.NaN })).toMatchObject({ ok: false, code: 'not-json-number' });
    expect(guardDocument({ many: Array.from({ length: 100_001 }, () => 0) })).toMatchObject({ ok: false, code: 'too-many-values' });
  });
});
