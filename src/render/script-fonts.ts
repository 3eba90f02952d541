/**
 * The fonts for the scripts Inter lacks: Noto Sans from Fontsource, for Japanese, Chinese
 * (simplified; traditional characters are in the Japanese and Chinese files too), Korean, Arabic
 * and Hebrew. Fontsource cuts each family into subsets by unicode range (the CJK ones into some
 * hundred numbered slices, the way Google Fonts serves them) and publishes the ranges beside the
 * files (`unicode.json`, the ranges of its CSS `unicode-range`, CSS Fonts 4 §4.5). A text reads
 * only the slices whose range holds one of its characters, so a Latin name reads none of them.
 *
 * Only each family's own script is taken: its Latin, Cyrillic or Vietnamese slices repeat what
 * Inter has, and Inter comes first anyway.
 */
import arabicRanges from '@fontsource/noto-sans-arabic/unicode.json' with { type: 'json' };
import hebrewRanges from '@fontsource/noto-sans-hebrew/unicode.json' with { type: 'json' };
import japaneseRanges from '@fontsource/noto-sans-jp/unicode.json' with { type: 'json' };
import koreanRanges from '@fontsource/noto-sans-kr/unicode.json' with { type: 'json' };
import chineseRanges from '@fontsource/noto-sans-sc/unicode.json' with { type: 'json' };

/**
 * In fallback order. Arabic and Hebrew first: the CJK slices hold a few of their letters too
 * (Chinese slice 102 has ل and ي), which must not be set in a CJK font. Japanese before Chinese:
 * a Han character both have is drawn with Japanese forms, and one only Chinese has (most
 * simplified characters) with Chinese ones. The CJK families are regional cuts of one design
 * (Source Han Sans), so a name that takes from two still reads as one.
 */
export const SCRIPT_FAMILIES = ['noto-sans-arabic', 'noto-sans-hebrew', 'noto-sans-jp', 'noto-sans-sc', 'noto-sans-kr'] as const;
export type ScriptFamily = (typeof SCRIPT_FAMILIES)[number];

/**
 * The families whose letters the font itself must place: Arabic joins its letters (their forms
 * chosen by OpenType GSUB, then set against each other by GPOS cursive attachment) and both
 * carry marks above and below (GPOS mark attachment). A renderer that draws advance widths alone
 * (pdf-lib's drawText) sets them apart or on top of each other; these are drawn from fontkit's
 * shaping instead (its `layout()`, which also orders them right to left).
 */
export const SHAPED_FAMILIES: ReadonlySet<ScriptFamily> = new Set(['noto-sans-arabic', 'noto-sans-hebrew']);

/** The slices of each family that hold its script: CJK's numbered ones, and Arabic's and Hebrew's own. */
const SCRIPT_SUBSETS: Readonly<Record<ScriptFamily, (subset: string) => boolean>> = {
  'noto-sans-jp': (subset) => /^\[\d+\]$/.test(subset),
  'noto-sans-sc': (subset) => /^\[\d+\]$/.test(subset),
  'noto-sans-kr': (subset) => /^\[\d+\]$/.test(subset),
  'noto-sans-arabic': (subset) => subset === 'arabic',
  'noto-sans-hebrew': (subset) => subset === 'hebrew',
};

const RANGES: Readonly<Record<ScriptFamily, Readonly<Record<string, string>>>> = {
  'noto-sans-jp': japaneseRanges,
  'noto-sans-sc': chineseRanges,
  'noto-sans-kr': koreanRanges,
  'noto-sans-arabic': arabicRanges,
  'noto-sans-hebrew': hebrewRanges,
};

/** One range of one slice: [first, last] code point. */
type Range = readonly [first: number, last: number, subset: string];

/** CSS Fonts 4 §4.5 `unicode-range` values ("U+0600-06FF,U+FB50-FDFF,U+200C"), as ranges sorted by their start. */
function parseRanges(ranges: Readonly<Record<string, string>>, take: (subset: string) => boolean): Range[] {
  const parsed: Range[] = [];
  for (const [subset, list] of Object.entries(ranges)) {
    if (!take(subset)) continue;
    for (const item of list.split(',')) {
      const [first, last = first] = item.trim().replace(/^U\+/i, '').split('-') as [string, string?];
      // A numbered slice is "[12]" in unicode.json and "12" in its file's name.
      parsed.push([Number.parseInt(first, 16), Number.parseInt(last, 16), subset.replace(/^\[(\d+)\]$/, '$1')]);
    }
  }
  return parsed.sort((a, b) => a[0] - b[0]);
}

const parsed = new Map<ScriptFamily, Range[]>();

/** The slice of `family` whose range holds `code`, if any (the slices of one family do not overlap). */
function subsetOf(family: ScriptFamily, code: number): string | undefined {
  let ranges = parsed.get(family);
  if (!ranges) {
    ranges = parseRanges(RANGES[family], SCRIPT_SUBSETS[family]);
    parsed.set(family, ranges);
  }
  // The last range starting at or before `code`; ranges are short and sorted, so it is the only candidate.
  let [low, high] = [0, ranges.length - 1];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (ranges[middle]![0] <= code) low = middle;
    else high = middle - 1;
  }
  const range = ranges[low];
  return range && range[0] <= code && code <= range[1] ? range[2] : undefined;
}

/** A slice of a script family. */
export interface ScriptSubset {
  readonly family: ScriptFamily;
  readonly subset: string;
}

/** The slices whose ranges hold any of `codes`, in fallback order, each once. */
export function scriptSubsetsFor(codes: readonly number[]): ScriptSubset[] {
  const found: ScriptSubset[] = [];
  for (const family of SCRIPT_FAMILIES) {
    for (const code of codes) {
      const subset = subsetOf(family, code);
      if (subset !== undefined && !found.some((known) => known.family === family && known.subset === subset)) found.push({ family, subset });
    }
  }
  return found;
}
