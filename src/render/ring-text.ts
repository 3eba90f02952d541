/**
 * Text set around the top of a circle, as on a seal: the issuer's name on a badge. Satori sets
 * text on straight lines only, so this places each glyph itself, from Inter's outlines (through
 * fontkit), turned to the circle's tangent. The result is paths, like satori's: no font needed
 * to display it.
 */
import type { Fonts, Weight } from './fonts.ts';

export interface RingTextOptions {
  readonly cx: number;
  readonly cy: number;
  /** The radius of the baseline. */
  readonly radius: number;
  /** The widest angle the text may span, in degrees, centred on the top. */
  readonly maxAngle: number;
  /** Font sizes to try, largest first; at the smallest, text that still does not fit is cut with an ellipsis. */
  readonly sizes: readonly number[];
  readonly weight: Weight;
  /** Extra space after each letter, in ems: capitals set on a curve need air. */
  readonly tracking: number;
  readonly fill: string;
}

export interface RingText {
  readonly text: string;
  readonly size: number;
  /** Half the angle the text spans, in degrees, so ornaments can be set at its ends. */
  readonly halfAngle: number;
  readonly markup: string;
}

const f = (n: number) => (Math.round(n * 100) / 100).toString();

/** Advance of `text` at `size`, tracking included (none after the last letter). */
function advance(fonts: Fonts, text: string, size: number, options: RingTextOptions): number {
  const letters = [...text].length;
  return fonts.measureText(text, options.weight, size) + Math.max(0, letters - 1) * options.tracking * size;
}

/** The largest size at which `text` fits the arc; the text cut to fit at the smallest size otherwise. */
function fit(fonts: Fonts, text: string, options: RingTextOptions): { text: string; size: number } {
  const room = (options.radius * options.maxAngle * Math.PI) / 180;
  for (const size of options.sizes) if (advance(fonts, text, size, options) <= room) return { text, size };
  const size = options.sizes.at(-1)!;
  const chars = [...text];
  while (chars.length > 1 && advance(fonts, `${chars.join('').trimEnd()}…`, size, options) > room) chars.pop();
  return { text: `${chars.join('').trimEnd()}…`, size };
}

/** `text` in capitals around the top of the circle, read clockwise; the fonts must have been loaded for it. */
export function ringText(fonts: Fonts, text: string, options: RingTextOptions): RingText {
  const fitted = fit(fonts, text.trim().toUpperCase(), options);
  const { size } = fitted;
  const { cx, cy, radius, weight, tracking, fill } = options;
  const total = advance(fonts, fitted.text, size, options);
  const glyphs: string[] = [];
  let pen = 0;
  for (const { face, text: run } of fonts.splitRuns(fitted.text, weight)) {
    const scale = size / face.font.unitsPerEm;
    const k = scale.toFixed(5);
    const { glyphs: shapes, positions } = face.font.layout(run);
    shapes.forEach((glyph, i) => {
      const { xAdvance, xOffset, yOffset } = positions[i]!;
      const width = xAdvance * scale;
      // Each glyph stands on the circle at the angle of its middle, upright toward the outside,
      // moved by the offsets the font's shaping gives it (marks over and under Arabic and Hebrew letters).
      const angle = ((pen + width / 2 - total / 2) / radius) * (180 / Math.PI);
      const d = glyph.path.toSVG();
      if (d) glyphs.push(`<path transform="rotate(${f(angle)} ${cx} ${cy}) translate(${f(cx - width / 2 + xOffset * scale)} ${f(cy - radius - yOffset * scale)}) scale(${k} -${k})" d="${d}"/>`);
      pen += width + tracking * size;
    });
  }
  return {
    ...fitted,
    halfAngle: ((total / 2) / radius) * (180 / Math.PI),
    markup: `<g fill="${fill}">${glyphs.join('')}</g>`,
  };
}
