/**
 * The fonts every image and PDF is set in: Inter from @fontsource/inter, read from node_modules,
 * never from the system, so renders are byte-identical on every machine. Fontsource splits Inter
 * by script; loading every subset covers Latin, Latin Extended, Cyrillic, Greek and Vietnamese.
 * Also measures and wraps text in them, since satori and pdf-lib leave line-fitting to us.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { unzlibSync } from 'fflate';
import type { SatoriOptions } from 'satori';

export const FONT_FAMILY = 'Inter';
export type Weight = 400 | 600 | 700;
export const WEIGHTS: readonly Weight[] = [400, 600, 700];

/** In fallback order: a character is set in the first subset that has it. */
export const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;
export type Subset = (typeof SUBSETS)[number];

export interface FontFace {
  /** Unique per subset, so satori falls back across them (it picks one font per name and weight). */
  readonly name: string;
  readonly subset: Subset;
  readonly weight: Weight;
  /** The font as TrueType (sfnt), unpacked from Fontsource's WOFF once, for satori, fontkit and pdf-lib. */
  readonly data: Uint8Array;
  readonly font: Font;
}

const require = createRequire(import.meta.url);

/**
 * WOFF 1.0 (W3C) §4–5 back to the sfnt it wraps: header, table directory, then each table
 * inflated (zlib) unless stored as is. fontkit would otherwise inflate a whole table every time
 * it reads one glyph, which made subsetting and measuring a hundred times slower.
 */
function woffToSfnt(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) return woff; // not 'wOFF': already an sfnt
  const count = view.getUint16(12);
  const sfnt = new Uint8Array(view.getUint32(16));
  const out = new DataView(sfnt.buffer);
  const selector = Math.floor(Math.log2(count));
  out.setUint32(0, view.getUint32(4));
  out.setUint16(4, count);
  out.setUint16(6, 16 << selector);
  out.setUint16(8, selector);
  out.setUint16(10, count * 16 - (16 << selector));
  let offset = 12 + count * 16;
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const [tag, from, length, original, checksum] = [0, 4, 8, 12, 16].map((at) => view.getUint32(entry + at)) as [number, number, number, number, number];
    const table = woff.subarray(from, from + length);
    sfnt.set(length < original ? unzlibSync(table) : table, offset);
    out.setUint32(12 + i * 16, tag);
    out.setUint32(12 + i * 16 + 4, checksum);
    out.setUint32(12 + i * 16 + 8, offset);
    out.setUint32(12 + i * 16 + 12, original);
    offset += (original + 3) & ~3; // tables start on four-byte boundaries
  }
  return sfnt;
}

let faces: readonly FontFace[] | undefined;

/** Every subset in every weight, read once per process. */
export function fontFaces(): readonly FontFace[] {
  faces ??= WEIGHTS.flatMap((weight) =>
    SUBSETS.map((subset) => {
      const data = woffToSfnt(readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)));
      const name = subset === 'latin' ? FONT_FAMILY : `${FONT_FAMILY} ${subset}`;
      return { name, subset, weight, data, font: fontkit.create(data) };
    }),
  );
  return faces;
}

/** The faces of one weight, in fallback order. */
export function facesOf(weight: Weight): readonly FontFace[] {
  return fontFaces().filter((face) => face.weight === weight);
}

let satori: SatoriOptions['fonts'] | undefined;

/** The same array every time: satori caches parsed fonts by identity. */
export function satoriFonts(): SatoriOptions['fonts'] {
  satori ??= fontFaces().map(({ name, weight, data }) => ({ name, weight, style: 'normal' as const, data: Buffer.from(data) }));
  return satori;
}

/** A run of text set in one face. A character no face has goes to the first (it shows as tofu). */
export interface Run {
  readonly face: FontFace;
  readonly text: string;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function splitRuns(text: string, weight: Weight): Run[] {
  const chain = facesOf(weight);
  const runs: Array<{ face: FontFace; text: string }> = [];
  for (const { segment } of graphemes.segment(text)) {
    // A letter and its combining marks stay together, in a face that has them all.
    const codes = [...segment].map((char) => char.codePointAt(0)!);
    const has = (face: FontFace) => codes.every((code) => face.font.hasGlyphForCodePoint(code));
    const previous = runs.at(-1);
    // Spaces stay in the current run, so kerning and shaping are not cut.
    const face =
      previous && (/^\s+$/.test(segment) || has(previous.face))
        ? previous.face
        : (chain.find(has) ?? chain.find((f) => f.font.hasGlyphForCodePoint(codes[0]!)) ?? chain[0]!);
    if (previous?.face === face) previous.text += segment;
    else runs.push({ face, text: segment });
  }
  return runs;
}

/** Widths at size 1, by weight and text: fitting a label measures the same words many times. */
const widths = new Map<string, number>();
const MAX_CACHED_WIDTHS = 20_000; // a big roster would otherwise grow it without end

/** The advance width of `text` at `size` (same unit as size), kerning included. */
export function measureText(text: string, weight: Weight, size: number): number {
  const key = `${weight} ${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    width = 0;
    for (const { face, text: run } of splitRuns(text, weight)) width += face.font.layout(run).advanceWidth / face.font.unitsPerEm;
    if (widths.size >= MAX_CACHED_WIDTHS) widths.clear();
    widths.set(key, width);
  }
  return width * size;
}

/** Greedy line breaking at spaces; a word wider than the line stays whole (the caller shrinks). */
function greedyLines(words: readonly string[], fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export interface FitOptions {
  readonly weight: Weight;
  readonly maxWidth: number;
  readonly maxLines: number;
  /** The most the lines may take together, at `lineHeight` times the size; unlimited if absent. */
  readonly maxHeight?: number;
  readonly lineHeight?: number;
  /** Font sizes to try, largest first; the first at which the text fits wins. */
  readonly sizes: readonly number[];
  /** How wide a line is; `measureText` in `weight` if absent (pdf-lib measures without kerning). */
  readonly measure?: (text: string, size: number) => number;
}

export interface FittedText {
  readonly size: number;
  readonly lines: readonly string[];
}

/**
 * The largest size at which `text` fits in `maxLines` lines of `maxWidth`, with lines balanced
 * (the narrowest width giving the same line count, like CSS `text-wrap: balance`). At the smallest
 * size, text that still does not fit is cut with an ellipsis.
 */
export function fitText(text: string, options: FitOptions): FittedText {
  const words = text.trim().split(/\s+/);
  const { weight, maxWidth, maxLines, sizes, maxHeight = Infinity, lineHeight = 1.2 } = options;
  const measure = options.measure ?? ((line: string, size: number) => measureText(line, weight, size));
  for (const size of sizes) {
    const width = (line: string) => measure(line, size);
    const lines = greedyLines(words, (line) => width(line) <= maxWidth);
    if (lines.length > maxLines || lines.length * size * lineHeight > maxHeight) continue;
    if (lines.some((line) => width(line) > maxWidth)) continue;
    return { size, lines: balance(words, lines.length, maxWidth, width) };
  }
  const size = sizes.at(-1)!;
  return { size, lines: truncate(words, maxLines, maxWidth, (line) => measure(line, size)) };
}

function balance(words: readonly string[], count: number, maxWidth: number, width: (line: string) => number): string[] {
  let low = 0;
  let high = maxWidth;
  let best = greedyLines(words, (line) => width(line) <= maxWidth);
  while (high - low > 1) {
    const mid = (low + high) / 2;
    const lines = greedyLines(words, (line) => width(line) <= mid);
    if (lines.length <= count && lines.every((line) => width(line) <= mid)) {
      best = lines;
      high = mid;
    } else {
      low = mid;
    }
  }
  return best;
}

function truncate(words: readonly string[], maxLines: number, maxWidth: number, width: (line: string) => number): string[] {
  const all = greedyLines(words, (line) => width(line) <= maxWidth);
  const lines = all.slice(0, maxLines);
  return lines.map((line, i) => {
    const cut = i === lines.length - 1 && all.length > maxLines;
    if (!cut && width(line) <= maxWidth) return line;
    const chars = [...line];
    while (chars.length > 1 && width(`${chars.join('').trimEnd()}…`) > maxWidth) chars.pop();
    return `${chars.join('').trimEnd()}…`;
  });
}
