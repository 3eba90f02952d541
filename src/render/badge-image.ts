/**
 * The badge image: a 600×600 SVG drawn from a resolved design, and its PNG; and the small badge,
 * the same shape and emblem for lists and search results (48 to 76 pixels), where any text would
 * be too small to read and is left out. The artwork (shape, rim, ribbons, emblem) is plain SVG
 * written here; satori sets the label and the ribbon's text and ./ring-text.ts the issuer's name,
 * all turned into paths, so the SVG needs no font to display and renders the same everywhere.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { emblemMarkup, faceGradient, mix, ribbonTextColor, type BadgeShape, type ResolvedBadgeDesign } from '../content/badge-design.ts';
import { FONT_FAMILY, type FittedText } from './fonts.ts';
import { packagedFonts, satoriFonts } from './packaged-fonts.ts';
import { ringText } from './ring-text.ts';

export const BADGE_SIZE = 600;
/** The small badge's own size; it is drawn on the same 600×600 grid and scales to any size near it. */
export const SMALL_BADGE_SIZE = 48;
/**
 * The smallest text worth setting, in pixels as displayed (WCAG sets no floor; 9 px is where
 * bold capitals stop being read and start being guessed). The small badge sets none below it.
 */
export const MIN_TEXT_PIXELS = 9;

/** A piece of text a badge sets, at its size on the 600×600 grid: what legibility tests look at. */
export interface SetText {
  readonly role: 'label' | 'issuer' | 'ribbon';
  readonly text: string;
  readonly size: number;
}

export interface RenderedBadge {
  readonly svg: string;
  readonly texts: readonly SetText[];
}

/**
 * Where a shape leaves room for the emblem and label (pixels of the 600×600 canvas): the group of
 * medallion, ornament and label is centred on `centerY`, so short and long labels both sit well.
 */
interface Layout {
  readonly centerY: number;
  readonly emblemSize: number;
  readonly labelWidth: number;
  /** The most the label's lines may take together. */
  readonly labelHeight: number;
  /** Font sizes to try for the label, largest first. */
  readonly sizes: readonly number[];
  /** The circle the issuer's name is set around (its baseline), and how far round it may go. */
  readonly ring: { readonly cy: number; readonly radius: number; readonly maxAngle: number };
  /** The ribbon's centre line and half its width (the band, without its tails). */
  readonly ribbon: { readonly y: number; readonly halfWidth: number };
}

interface Paint {
  /** Suffix of every id, unique to the design, so badges inlined in one HTML page do not share gradients. */
  readonly id: string;
  /** The dark line that outlines rim and face. */
  readonly edge: string;
  /** The label and emblem colour. */
  readonly ink: string;
}

const LABEL_LINE_HEIGHT = 1.12;
const LABEL_MAX_LINES = 3;
const sizesFrom = (largest: number) => Array.from({ length: (largest - 24) / 2 + 1 }, (_, i) => largest - 2 * i);
/** The medallion behind the emblem, relative to the emblem's size. */
const MEDALLION = 0.68;
/** From the medallion's foot to the ornament, and from the ornament to the label's first line. */
const GAP_ORNAMENT = 16;
const GAP_LABEL = 14;

/** Gradients and the soft shadow every shape uses. */
function defs(design: ResolvedBadgeDesign, { id }: Paint): string {
  const { light, dark } = faceGradient(design.primaryColor);
  const rim = design.secondaryColor;
  return `<defs>
<linearGradient id="lb-face-${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient>
<linearGradient id="lb-rim-${id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${mix(rim, '#ffffff', 0.35)}"/><stop offset="0.5" stop-color="${rim}"/><stop offset="1" stop-color="${mix(rim, '#000000', 0.3)}"/></linearGradient>
<linearGradient id="lb-ribbon-${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mix(design.primaryColor, '#000000', 0.25)}"/><stop offset="1" stop-color="${mix(design.primaryColor, '#000000', 0.05)}"/></linearGradient>
<radialGradient id="lb-shine-${id}" cx="0.5" cy="0" r="0.9"><stop offset="0" stop-color="#ffffff" stop-opacity="0.18"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>
<filter id="lb-shadow-${id}" x="-10%" y="-10%" width="120%" height="125%" color-interpolation-filters="sRGB"><feDropShadow dx="0" dy="6" stdDeviation="8" flood-color="#000000" flood-opacity="0.25"/></filter>
</defs>`;
}

/** A shape drawn as rim, face and a fine inner line, from one outline at three insets. */
function layered(outline: (inset: number) => string, paint: Paint, faceInset: number, lineInset: number): string {
  return [
    `<g filter="url(#lb-shadow-${paint.id})"><path d="${outline(0)}" fill="url(#lb-rim-${paint.id})"/></g>`,
    `<path d="${outline(1)}" fill="none" stroke="${paint.edge}" stroke-width="2" stroke-opacity="0.6"/>`,
    `<path d="${outline(faceInset)}" fill="url(#lb-face-${paint.id})" stroke="${paint.edge}" stroke-width="3"/>`,
    `<path d="${outline(faceInset)}" fill="url(#lb-shine-${paint.id})"/>`,
    `<path d="${outline(lineInset)}" fill="none" stroke="${paint.ink}" stroke-opacity="0.45" stroke-width="3" stroke-dasharray="0 11" stroke-linecap="round"/>`,
  ].join('\n');
}

const circle = (r: number, cx = 300, cy = 300) =>
  `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;

/** A regular polygon's outline with rounded corners, pointy side up. */
function roundedPolygon(sides: number, radius: number, corner: number, cx = 300, cy = 300): string {
  const points = Array.from({ length: sides }, (_, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / sides;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as const;
  });
  const toward = (from: readonly [number, number], to: readonly [number, number], d: number) => {
    const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
    return [from[0] + ((to[0] - from[0]) * d) / len, from[1] + ((to[1] - from[1]) * d) / len] as const;
  };
  const f = (n: number) => n.toFixed(2);
  let d = '';
  points.forEach((point, i) => {
    const previous = points[(i + sides - 1) % sides]!;
    const next = points[(i + 1) % sides]!;
    const a = toward(point, previous, corner);
    const b = toward(point, next, corner);
    d += `${i === 0 ? 'M' : 'L'}${f(a[0])} ${f(a[1])}Q${f(point[0])} ${f(point[1])} ${f(b[0])} ${f(b[1])}`;
  });
  return `${d}Z`;
}

function roundedSquare(inset: number): string {
  const x = 40 + inset;
  const size = 520 - 2 * inset;
  const r = Math.max(8, 80 - inset);
  return `M${x + r} ${x}H${x + size - r}Q${x + size} ${x} ${x + size} ${x + r}V${x + size - r}Q${x + size} ${x + size} ${x + size - r} ${x + size}H${x + r}Q${x} ${x + size} ${x} ${x + size - r}V${x + r}Q${x} ${x} ${x + r} ${x}Z`;
}

/** A heater shield: flat top with rounded shoulders, curved sides meeting in a point. */
function shield(inset: number): string {
  const top = 36 + inset;
  const left = 62 + inset;
  const right = 538 - inset;
  const r = Math.max(6, 40 - inset);
  const tip = 572 - inset * 1.5;
  return `M${left + r} ${top}H${right - r}Q${right} ${top} ${right} ${top + r}V${300}C${right} ${430 - inset * 0.3} ${395} ${520 - inset} 300 ${tip}C${205} ${520 - inset} ${left} ${430 - inset * 0.3} ${left} 300V${top + r}Q${left} ${top} ${left + r} ${top}Z`;
}

/** A rosette's scalloped edge: `count` round petals around a circle. */
function scallops(radius: number, count: number, depth: number, cy: number): string {
  const f = (n: number) => n.toFixed(2);
  let d = '';
  for (let i = 0; i < count; i++) {
    const a0 = (i / count) * 2 * Math.PI - Math.PI / 2;
    const a1 = ((i + 1) / count) * 2 * Math.PI - Math.PI / 2;
    const am = (a0 + a1) / 2;
    const p0 = [300 + (radius - depth) * Math.cos(a0), cy + (radius - depth) * Math.sin(a0)];
    const c = [300 + (radius + depth) * Math.cos(am), cy + (radius + depth) * Math.sin(am)];
    const p1 = [300 + (radius - depth) * Math.cos(a1), cy + (radius - depth) * Math.sin(a1)];
    d += `${i === 0 ? `M${f(p0[0]!)} ${f(p0[1]!)}` : ''}Q${f(c[0]!)} ${f(c[1]!)} ${f(p1[0]!)} ${f(p1[1]!)}`;
  }
  return `${d}Z`;
}

/** Two ribbon tails with notched ends, hanging behind a rosette. */
function ribbons(paint: Paint): string {
  const tail = (x: number, lean: number) =>
    `<path d="M${x - 44} 380L${x + 44} 380L${x + 44 + lean} 585L${x + lean} 552L${x - 44 + lean} 585Z" fill="url(#lb-ribbon-${paint.id})" stroke="${paint.edge}" stroke-width="2"/>`;
  return `<g filter="url(#lb-shadow-${paint.id})">${tail(222, -38)}${tail(378, 38)}</g>`;
}

/** A small ornament between emblem and label: two rules and a diamond. */
function ornament(cx: number, y: number, ink: string): string {
  return `<g stroke="${ink}" stroke-opacity="0.55" stroke-width="2.5" stroke-linecap="round"><path d="M${cx - 62} ${y}H${cx - 16}M${cx + 16} ${y}H${cx + 62}"/></g><path d="M${cx} ${y - 7}L${cx + 7} ${y}L${cx} ${y + 7}L${cx - 7} ${y}Z" fill="${ink}" fill-opacity="0.7"/>`;
}

interface ShapeSpec {
  readonly art: (paint: Paint) => string;
  readonly layout: Layout;
}

const SHAPES: Record<BadgeShape, ShapeSpec> = {
  circle: {
    art: (p) => layered((i) => circle(278 - i), p, 30, 46),
    layout: {
      centerY: 300, emblemSize: 108, labelWidth: 340, labelHeight: 140, sizes: sizesFrom(48),
      ring: { cy: 300, radius: 200, maxAngle: 190 }, ribbon: { y: 446, halfWidth: 200 },
    },
  },
  shield: {
    art: (p) => layered(shield, p, 26, 42),
    layout: {
      centerY: 270, emblemSize: 108, labelWidth: 340, labelHeight: 130, sizes: sizesFrom(48),
      ring: { cy: 292, radius: 190, maxAngle: 164 }, ribbon: { y: 420, halfWidth: 205 },
    },
  },
  hexagon: {
    art: (p) => layered((i) => roundedPolygon(6, 290 - i * 1.12, 46 - i * 0.5), p, 30, 47),
    layout: {
      centerY: 300, emblemSize: 108, labelWidth: 360, labelHeight: 140, sizes: sizesFrom(48),
      ring: { cy: 300, radius: 196, maxAngle: 170 }, ribbon: { y: 446, halfWidth: 210 },
    },
  },
  rosette: {
    art: (p) =>
      `${ribbons(p)}\n${layered((i) => (i === 0 || i === 1 ? scallops(262 - i, 28, 10, 262) : circle(262 - i, 300, 262)), p, 32, 48)}`,
    layout: {
      centerY: 262, emblemSize: 96, labelWidth: 320, labelHeight: 124, sizes: sizesFrom(44),
      ring: { cy: 262, radius: 186, maxAngle: 190 }, ribbon: { y: 392, halfWidth: 190 },
    },
  },
  square: {
    art: (p) => layered(roundedSquare, p, 28, 44),
    layout: {
      centerY: 300, emblemSize: 108, labelWidth: 380, labelHeight: 150, sizes: sizesFrom(48),
      ring: { cy: 300, radius: 204, maxAngle: 166 }, ribbon: { y: 452, halfWidth: 222 },
    },
  },
};

/** The ring: the issuer's name in spaced capitals, a diamond at each end. */
const RING_SIZES = [26, 25, 24, 23, 22, 21, 20, 19, 18];
const RING_TRACKING = 0.14;
/** The ribbon's band, and its text's sizes: one line of spaced capitals. */
const RIBBON_HEIGHT = 56;
const RIBBON_SIZES = [26, 25, 24, 23, 22, 21, 20];
const RIBBON_TRACKING = 0.1;
/** Between the content group and the ring above it or the ribbon below it. */
const GAP_FRAME = 14;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function emblem(design: ResolvedBadgeDesign, cx: number, cy: number, size: number, medallion = true): string {
  const ink = design.textColor;
  const disc = `<circle cx="${cx}" cy="${cy}" r="${size * MEDALLION}" fill="${ink}" fill-opacity="0.1" stroke="${ink}" stroke-opacity="0.3" stroke-width="2"/>`;
  const icon = `<g transform="translate(${cx - size / 2} ${cy - size / 2}) scale(${size / 24})" fill="none" stroke="${ink}" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${emblemMarkup(design.emblem)}</g>`;
  return (medallion ? disc : '') + icon;
}

/** Lines of text set by satori as paths on a transparent 600×600 canvas; returns the inner markup. */
async function satoriText(lines: readonly string[], box: Record<string, string | number>): Promise<string> {
  const fonts = await satoriFonts(lines.map((line) => [line, 700] as const));
  const children = lines.map((line) => ({
    type: 'div',
    props: { style: { display: 'flex', whiteSpace: 'nowrap' }, children: line },
  }));
  const style = { position: 'absolute', display: 'flex', flexDirection: 'column', alignItems: 'center', fontFamily: FONT_FAMILY, fontWeight: 700, ...box };
  const root = { type: 'div', props: { style: { display: 'flex', width: BADGE_SIZE, height: BADGE_SIZE }, children: [{ type: 'div', props: { style, children } }] } };
  // No loadAdditionalAsset: a glyph no packaged font has renders as a box, and nothing is ever fetched.
  const svg = await satori(root, { width: BADGE_SIZE, height: BADGE_SIZE, fonts });
  return withoutUnusedMasks(svg.slice(svg.indexOf('>') + 1, svg.lastIndexOf('</svg>')));
}

function label(design: ResolvedBadgeDesign, fitted: FittedText, top: number, width: number): Promise<string> {
  return satoriText(fitted.lines, {
    left: (BADGE_SIZE - width) / 2,
    top,
    width,
    color: design.textColor,
    fontSize: fitted.size,
    lineHeight: LABEL_LINE_HEIGHT,
  });
}

/** Satori writes an overflow mask per box even when nothing refers to it; their fixed ids would clash inline. */
function withoutUnusedMasks(markup: string): string {
  return markup.replace(/<mask id="([^"]+)">(?:(?!<\/?mask)[\s\S])*<\/mask>/g, (mask, id: string) =>
    markup.includes(`url(#${id})`) ? mask : '',
  );
}

/** The issuer's name around the top of the face, as on a seal, with a diamond at each end. */
function ring(design: ResolvedBadgeDesign, name: string, layout: Layout): { markup: string; text: SetText } {
  const { cy, radius, maxAngle } = layout.ring;
  const set = ringText(packagedFonts, name, { cx: 300, cy, radius, maxAngle, sizes: RING_SIZES, weight: 700, tracking: RING_TRACKING, fill: design.textColor });
  // The diamonds sit at mid-cap height, a little past the text's ends.
  const r = radius + set.size * 0.36;
  const diamonds = [-1, 1].map((side) => {
    const angle = ((side * (set.halfAngle + 5)) * Math.PI) / 180;
    const [x, y] = [300 + r * Math.sin(angle), cy - r * Math.cos(angle)];
    return `<path d="M${x.toFixed(2)} ${(y - 6).toFixed(2)}l6 6l-6 6l-6 -6Z" fill="${design.textColor}" fill-opacity="0.7"/>`;
  });
  return { markup: set.markup + diamonds.join(''), text: { role: 'issuer', text: set.text, size: set.size } };
}

/** A band across the lower face with folded tails behind it, in the rim's colour, and its text. */
async function ribbon(design: ResolvedBadgeDesign, text: string, layout: Layout, paint: Paint): Promise<{ markup: string; text: SetText }> {
  const { y, halfWidth } = layout.ribbon;
  const [top, bottom, left, right] = [y - RIBBON_HEIGHT / 2, y + RIBBON_HEIGHT / 2, 300 - halfWidth, 300 + halfWidth];
  const fill = design.secondaryColor;
  const drop = 14; // how far the tails hang below the band
  const tail = (edge: number, out: number) =>
    `<path d="M${edge} ${top + drop}H${edge + out * 46}L${edge + out * 30} ${y + drop}L${edge + out * 46} ${bottom + drop}H${edge}Z" fill="${mix(fill, '#000000', 0.22)}" stroke="${paint.edge}" stroke-width="2"/>` +
    `<path d="M${edge} ${bottom}L${edge - out * 14} ${bottom}L${edge} ${bottom + drop}Z" fill="${mix(fill, '#000000', 0.5)}"/>`;
  const band =
    `<path d="M${left} ${top}H${right}V${bottom}H${left}Z" fill="${fill}" stroke="${paint.edge}" stroke-width="2"/>` +
    `<path d="M${left + 10} ${top + 6}H${right - 10}M${left + 10} ${bottom - 6}H${right - 10}" stroke="${mix(fill, '#ffffff', 0.45)}" stroke-opacity="0.8" stroke-width="1.5"/>`;
  const width = 2 * halfWidth - 48;
  const measure = (line: string, size: number) =>
    packagedFonts.measureText(line, 700, size) + Math.max(0, [...line].length - 1) * RIBBON_TRACKING * size;
  const fitted = packagedFonts.fitText(text.toUpperCase(), { weight: 700, maxWidth: width, maxLines: 1, sizes: RIBBON_SIZES, measure });
  const line = fitted.lines[0]!;
  const letters = await satoriText([line], {
    left: (BADGE_SIZE - width) / 2,
    // Centred on the band's middle by the capitals (0.727 em tall in Inter), not by the line box.
    top: Math.round(y - fitted.size * 0.5),
    width,
    height: fitted.size,
    color: ribbonTextColor(fill),
    fontSize: fitted.size,
    lineHeight: 1,
    letterSpacing: RIBBON_TRACKING * fitted.size,
  });
  return {
    markup: `<g filter="url(#lb-shadow-${paint.id})">${tail(left, -1)}${tail(right, 1)}${band}</g>\n${letters}`,
    text: { role: 'ribbon', text: line, size: fitted.size },
  };
}

/**
 * Emblem, ornament and label, stacked and centred as a group on the shape's centre; with a
 * ribbon, centred and held between the ring above and the ribbon below.
 */
async function content(design: ResolvedBadgeDesign, layout: Layout): Promise<{ markup: string; text: SetText }> {
  const radius = layout.emblemSize * MEDALLION;
  const stack = 2 * radius + GAP_ORNAMENT + GAP_LABEL;
  const above = layout.ring.cy - layout.ring.radius + GAP_FRAME;
  const below = layout.ribbon.y - RIBBON_HEIGHT / 2 - GAP_FRAME;
  const [centerY, maxHeight] = design.ribbon ? [(above + below) / 2, Math.min(layout.labelHeight, below - above - stack)] : [layout.centerY, layout.labelHeight];
  const fitted = packagedFonts.fitText(design.label, {
    weight: 700,
    maxWidth: layout.labelWidth,
    maxLines: LABEL_MAX_LINES,
    maxHeight,
    lineHeight: LABEL_LINE_HEIGHT,
    sizes: layout.sizes,
  });
  const labelHeight = fitted.lines.length * fitted.size * LABEL_LINE_HEIGHT;
  const top = Math.round(centerY - (stack + labelHeight) / 2);
  const ornamentY = top + 2 * radius + GAP_ORNAMENT;
  const markup = [
    emblem(design, 300, top + radius, layout.emblemSize),
    ornament(300, ornamentY, design.textColor),
    await label(design, fitted, ornamentY + GAP_LABEL, layout.labelWidth),
  ].join('\n');
  return { markup, text: { role: 'label', text: fitted.lines.join(' '), size: fitted.size } };
}

function designId(design: ResolvedBadgeDesign): string {
  const { shape, primaryColor, secondaryColor, textColor, emblem, label, issuerName, ribbon } = design;
  // The ring and ribbon join the key only when present, so badges without them keep their ids.
  const parts = [shape, primaryColor, secondaryColor, textColor, emblem, label, ...(issuerName || ribbon ? [issuerName ?? '', ribbon ?? ''] : [])];
  return bytesToHex(sha256(utf8ToBytes(parts.join('\n')))).slice(0, 8);
}

function paintOf(design: ResolvedBadgeDesign): Paint {
  return { id: designId(design), edge: mix(design.secondaryColor, '#000000', 0.35), ink: design.textColor };
}

/** The standalone SVG document around `body`, `size` pixels square, titled for screen readers. */
function document(design: ResolvedBadgeDesign, size: number, paint: Paint, body: readonly string[]): string {
  const title = escapeXml(design.issuerName ? `${design.label}, ${design.issuerName}` : design.label);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${BADGE_SIZE} ${BADGE_SIZE}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    defs(design, paint),
    ...body,
    '</svg>',
  ].join('\n');
}

/** The badge, 600×600, and the texts it sets: label, and the issuer's ring and the ribbon when the design has them. */
export async function renderBadge(design: ResolvedBadgeDesign): Promise<RenderedBadge> {
  const spec = SHAPES[design.shape];
  const paint = paintOf(design);
  // Fitting and the ring read the faces of every text the badge sets (the ring and ribbon in capitals, and an ellipsis for a cut).
  await packagedFonts.loadAll();
  await packagedFonts.loadFor([design.label, design.issuerName?.toUpperCase(), design.ribbon?.toUpperCase()].filter((text) => text !== undefined).map((text) => [`${text}…`, 700] as const));
  const parts = [
    design.issuerName ? ring(design, design.issuerName, spec.layout) : undefined,
    await content(design, spec.layout),
    design.ribbon ? await ribbon(design, design.ribbon, spec.layout, paint) : undefined,
  ].filter((part) => part !== undefined);
  return {
    svg: document(design, BADGE_SIZE, paint, [spec.art(paint), ...parts.map((part) => part.markup)]),
    texts: parts.map((part) => part.text),
  };
}

/** The badge as a standalone SVG document, 600×600, with a title for screen readers. */
export async function renderBadgeSvg(design: ResolvedBadgeDesign): Promise<string> {
  return (await renderBadge(design)).svg;
}

/**
 * The small badge, for lists and search results: the shape and a larger emblem, without the
 * label, ring and ribbon, which at 48 pixels would be set at 2 to 4 pixels, shrunk to nothing.
 * The page names the achievement beside it. It sets no text, so `texts` is empty.
 */
export function renderSmallBadge(design: ResolvedBadgeDesign): RenderedBadge {
  const spec = SHAPES[design.shape];
  const paint = paintOf(design);
  // The emblem fills most of the face and keeps its stroke near 2 pixels at 48.
  const size = design.shape === 'rosette' ? 290 : 320;
  const cy = design.shape === 'rosette' ? 262 : design.shape === 'shield' ? 282 : 300;
  const icon = emblem(design, 300, cy, size, false).replace('stroke-width="1.75"', 'stroke-width="2.25"');
  return { svg: document(design, SMALL_BADGE_SIZE, paint, [spec.art(paint), icon]), texts: [] };
}

/** The width an SVG document declares on its root element. */
function declaredWidth(svg: string): number {
  const root = svg.slice(0, svg.indexOf('>'));
  return Number(/\swidth="(\d+)"/.exec(root)?.[1] ?? BADGE_SIZE);
}

/** Rasterizes an SVG at `width` pixels wide (at least the width it declares, so badges stay sharp), no system fonts. */
export function renderPng(svg: string, width: number): Uint8Array {
  const least = declaredWidth(svg);
  if (!Number.isInteger(width) || width < least) throw new RangeError(`renderPng: width must be an integer ≥ ${least}`);
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } });
  return new Uint8Array(resvg.render().asPng());
}
