/**
 * The fonts every image and PDF is set in: Inter from @fontsource/inter, never the system's, so
 * renders are byte-identical on every machine, in Node and in the browser. Fontsource splits
 * Inter by script; the subsets, in fallback order, cover Latin, Latin Extended, Cyrillic, Greek
 * and Vietnamese. After them come the Noto families of ./script-fonts.ts, for Japanese, Chinese,
 * Korean, Arabic and Hebrew, read only for a text that has their characters. Also measures and
 * wraps text in them, since satori and pdf-lib leave line-fitting to us.
 *
 * No file system here: whoever makes a `Fonts` says how a font file is read (./packaged-fonts.ts
 * from node_modules for the build; the certificate page from the site's own copy), and a text
 * reads only the subsets it needs.
 */
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { unzlibSync } from 'fflate';
import { scriptSubsetsFor, type ScriptFamily } from './script-fonts.ts';

export const FONT_FAMILY = 'Inter';
export type Weight = 400 | 600 | 700;
export const WEIGHTS: readonly Weight[] = [400, 600, 700];

/** Inter's, in fallback order: a character is set in the first subset that has it. */
export const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;
export type Subset = (typeof SUBSETS)[number];

/** A Fontsource package's name after `@fontsource/`, and the start of each of its file names. */
export type Family = 'inter' | ScriptFamily;

/** One file: a family's subset in one weight. */
export interface FontFile {
  readonly family: Family;
  readonly subset: string;
  readonly weight: Weight;
}

export interface FontFace extends FontFile {
  /** Unique per file, so satori falls back across them (it picks one font per name and weight). */
  readonly name: string;
  /** The font as TrueType (sfnt), unpacked from Fontsource's WOFF once, for satori, fontkit and pdf-lib. */
  readonly data: Uint8Array;
  readonly font: Font;
}

/** Fontsource's name of a file, under @fontsource/<family>/files/. */
export function fontFileName({ family, subset, weight }: FontFile): string {
  return `${family}-${subset}-${weight}-normal.woff`;
}

/** The bytes of a font file (`fontFileName`), as Fontsource publishes it (WOFF 1.0). */
export type ReadFontFile = (file: FontFile) => Promise<Uint8Array>;

/** Inter's subsets, then the script subsets whose ranges hold one of `codes`: where a grapheme may be set, in fallback order. */
function candidates(codes: readonly number[], weight: Weight): FontFile[] {
  return [...SUBSETS.map((subset) => ({ family: 'inter' as const, subset, weight })), ...scriptSubsetsFor(codes).map((script) => ({ ...script, weight }))];
}

const keyOf = ({ family, subset, weight }: FontFile) => `${family} ${subset} ${weight}`;

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

/** A run of text set in one face. A character no face has goes to the first (it shows as tofu). */
export interface Run {
  readonly face: FontFace;
  readonly text: string;
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

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const MAX_CACHED_WIDTHS = 20_000; // a big roster would otherwise grow it without end

/** The code points of each grapheme of `text`: a letter and its combining marks stay together. */
function* graphemeCodes(text: string): Generator<{ segment: string; codes: number[] }> {
  for (const { segment } of graphemes.segment(text)) yield { segment, codes: [...segment].map((char) => char.codePointAt(0)!) };
}

const hasAll = (face: FontFace, codes: readonly number[]) => codes.every((code) => face.font.hasGlyphForCodePoint(code));

/** Inter, read through `read`, one face at a time as texts need them. */
export class Fonts {
  readonly #read: ReadFontFile;
  readonly #faces = new Map<string, Promise<FontFace>>();
  readonly #ready = new Map<string, FontFace>();
  /** Widths at size 1, by weight and text: fitting a label measures the same words many times. */
  readonly #widths = new Map<string, number>();

  constructor(read: ReadFontFile) {
    this.#read = read;
  }

  #load(file: FontFile): Promise<FontFace> {
    const key = keyOf(file);
    let face = this.#faces.get(key);
    if (!face) {
      face = this.#read(file).then((woff) => {
        const data = woffToSfnt(woff);
        const { family, subset } = file;
        const name = family === 'inter' ? (subset === 'latin' ? FONT_FAMILY : `${FONT_FAMILY} ${subset}`) : `${family} ${subset}`;
        const loaded: FontFace = { ...file, name, data, font: fontkit.create(data) };
        this.#ready.set(key, loaded);
        return loaded;
      });
      // A failed read is tried again next time.
      face.catch(() => this.#faces.delete(key));
      this.#faces.set(key, face);
    }
    return face;
  }

  /** A face that must have been read. */
  #face(file: FontFile): FontFace {
    const face = this.#ready.get(keyOf(file));
    if (!face) throw new Error(`${file.family} ${file.subset} ${file.weight} has not been read: load the text with Fonts.loadFor first`);
    return face;
  }

  /** Inter's every subset in every weight, for satori (which falls back among all the fonts it is given). */
  loadAll(): Promise<FontFace[]> {
    return Promise.all(WEIGHTS.flatMap((weight) => SUBSETS.map((subset) => this.#load({ family: 'inter', subset, weight }))));
  }

  /**
   * Reads the faces that setting these texts can touch: for each grapheme, the candidates in
   * fallback order up to the first that has all of it (every candidate when none has). `splitRuns`
   * looks at faces in that same order and stops at the same one, so it decides exactly as it
   * would with every face read: a Latin name reads the Latin files only, a Japanese one Inter's
   * and the few Japanese slices that hold its characters. Returns the faces of the script
   * families it read (for satori, which must be given them), in fallback order.
   */
  async loadFor(texts: ReadonlyArray<readonly [string, Weight]>): Promise<FontFace[]> {
    const scripts = new Map<string, FontFace>();
    for (const [text, weight] of texts) {
      for (const { codes } of graphemeCodes(text)) {
        for (const file of candidates(codes, weight)) {
          const face = await this.#load(file);
          if (file.family !== 'inter') scripts.set(keyOf(file), face);
          if (hasAll(face, codes)) break;
        }
      }
    }
    return [...scripts.values()];
  }

  splitRuns(text: string, weight: Weight): Run[] {
    const first = (codes: readonly number[], test: (face: FontFace) => boolean): FontFace | undefined => {
      for (const file of candidates(codes, weight)) {
        const face = this.#face(file);
        if (test(face)) return face;
      }
      return undefined;
    };
    const runs: Array<{ face: FontFace; text: string }> = [];
    for (const { segment, codes } of graphemeCodes(text)) {
      const previous = runs.at(-1);
      // Spaces stay in the current run, so kerning and shaping are not cut.
      const face =
        previous && (/^\s+$/.test(segment) || hasAll(previous.face, codes))
          ? previous.face
          : (first(codes, (candidate) => hasAll(candidate, codes)) ?? first(codes, (candidate) => candidate.font.hasGlyphForCodePoint(codes[0]!)) ?? this.#face({ family: 'inter', subset: 'latin', weight }));
      if (previous?.face === face) previous.text += segment;
      else runs.push({ face, text: segment });
    }
    return runs;
  }

  /** The advance width of `text` at `size` (same unit as size), kerning included. */
  measureText(text: string, weight: Weight, size: number): number {
    const key = `${weight} ${text}`;
    let width = this.#widths.get(key);
    if (width === undefined) {
      width = 0;
      for (const { face, text: run } of this.splitRuns(text, weight)) width += face.font.layout(run).advanceWidth / face.font.unitsPerEm;
      if (this.#widths.size >= MAX_CACHED_WIDTHS) this.#widths.clear();
      this.#widths.set(key, width);
    }
    return width * size;
  }

  /**
   * The largest size at which `text` fits in `maxLines` lines of `maxWidth`, with lines balanced
   * (the narrowest width giving the same line count, like CSS `text-wrap: balance`). At the
   * smallest size, text that still does not fit is cut with an ellipsis.
   */
  fitText(text: string, options: FitOptions): FittedText {
    const measure = options.measure ?? ((line: string, size: number) => this.measureText(line, options.weight, size));
    return fitText(text, options, measure);
  }
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

function fitText(text: string, options: FitOptions, measure: (line: string, size: number) => number): FittedText {
  const words = text.trim().split(/\s+/);
  const { maxWidth, maxLines, sizes, maxHeight = Infinity, lineHeight = 1.2 } = options;
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
