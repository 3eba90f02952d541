/**
 * The `badge:` frontmatter of an achievement: how its badge image looks. Every field is optional;
 * what is left out is derived from the achievement's slug, so a badge nobody designed is still
 * distinct and handsome, and the same on every build. Emblems are Lucide icons (lucide-static,
 * ISC licence), read from node_modules at build time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { contrastRatio, mix } from './colour.ts';
import { atMost, hexColor, nameText } from './schemas/common.ts';

export const BADGE_SHAPES = ['circle', 'shield', 'hexagon', 'rosette', 'square'] as const;
export type BadgeShape = (typeof BADGE_SHAPES)[number];

// --- the icon set ------------------------------------------------------------------------------

const lucideDir = dirname(createRequire(import.meta.url).resolve('lucide-static/package.json'));
let iconNames: ReadonlySet<string> | undefined;
let iconTags: Readonly<Record<string, readonly string[]>> | undefined;

/** Every emblem name, aliases included: the file names in lucide-static/icons. */
export function emblemNames(): ReadonlySet<string> {
  iconNames ??= new Set(
    readdirSync(join(lucideDir, 'icons'))
      .filter((file) => file.endsWith('.svg'))
      .map((file) => file.slice(0, -4)),
  );
  return iconNames;
}

/** The inner markup (paths, circles…) of an emblem, drawn on a 24×24 grid with 2-unit strokes. */
export function emblemMarkup(name: string): string {
  if (!emblemNames().has(name)) throw new Error(`unknown emblem "${name}"`);
  const svg = readFileSync(join(lucideDir, 'icons', `${name}.svg`), 'utf8');
  return svg.slice(svg.indexOf('>', svg.indexOf('<svg')) + 1, svg.lastIndexOf('</svg>')).replace(/\s+/g, ' ').trim();
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** Up to six real emblem names close to `wanted`: by spelling, by part of the name, by Lucide's tags. */
export function suggestEmblems(wanted: string): string[] {
  const query = wanted.trim().toLowerCase().replace(/[\s_]+/g, '-');
  iconTags ??= JSON.parse(readFileSync(join(lucideDir, 'tags.json'), 'utf8')) as Record<string, string[]>;
  const scored: Array<[number, string]> = [];
  for (const name of emblemNames()) {
    const distance = levenshtein(query, name);
    let score = distance <= Math.max(2, Math.floor(query.length / 3)) ? distance : Infinity;
    if (query.length >= 3 && (name.includes(query) || query.includes(name))) score = Math.min(score, 1.5);
    if (iconTags[name]?.includes(query)) score = Math.min(score, 2.5);
    if (score < Infinity) scored.push([score, name]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].length - b[1].length || a[1].localeCompare(b[1]))
    .slice(0, 6)
    .map(([, name]) => name);
}

const emblemName = z.string().superRefine((name, ctx) => {
  if (emblemNames().has(name)) return;
  const close = suggestEmblems(name);
  const hint = close.length > 0 ? ` Close names: ${close.join(', ')}.` : '';
  ctx.addIssue({
    code: 'custom',
    input: name,
    message: `"${name}" is not an emblem name.${hint} Every name is listed at https://lucide.dev/icons`,
  });
});

// --- colours (WCAG 2.2 definitions, in ./colour.ts) ----------------------------------------

export { contrastRatio, mix } from './colour.ts';

/** The face of the badge is a gradient around the primary colour; the label sits on all of it. */
export function faceGradient(primary: string): { light: string; dark: string } {
  return { light: mix(primary, '#ffffff', 0.12), dark: mix(primary, '#000000', 0.2) };
}

/** The worst contrast of `text` anywhere on the face. */
export function labelContrast(text: string, primary: string): number {
  const { light, dark } = faceGradient(primary);
  return Math.min(...[light, primary, dark].map((face) => contrastRatio(text, face)));
}

/** The label is large bold text: WCAG 2.2 SC 1.4.3 asks 3:1 of it. Laurel's defaults reach 4.5:1. */
export const MIN_LABEL_CONTRAST = 3;

const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#111827';

function readableText(primary: string): string {
  return labelContrast(LIGHT_TEXT, primary) >= labelContrast(DARK_TEXT, primary) ? LIGHT_TEXT : DARK_TEXT;
}

/** The ribbon's text is small: WCAG 2.2 SC 1.4.3 asks 4.5:1 of it, which white or black always reaches. */
export const MIN_RIBBON_CONTRAST = 4.5;

/** The text colour on a ribbon of colour `ribbon` (solid): white or near-black, pure black if neither reads. */
export function ribbonTextColor(ribbon: string): string {
  const best = contrastRatio(LIGHT_TEXT, ribbon) >= contrastRatio(DARK_TEXT, ribbon) ? LIGHT_TEXT : DARK_TEXT;
  return contrastRatio(best, ribbon) >= MIN_RIBBON_CONTRAST ? best : '#000000';
}

// --- the schema --------------------------------------------------------------------------------

/** The badge's label is drawn on the badge itself: longer text cannot be read at badge size. */
const MAX_LABEL_LENGTH = 80;
/** A ribbon holds one line across the lower face, in capitals: a level or a place in a programme. */
export const MAX_RIBBON_LENGTH = 24;

/** The words drawn on a badge, which a translation (./schemas/translation.ts) gives again in its language. */
export const badgeLabelText = nameText.max(MAX_LABEL_LENGTH, atMost(MAX_LABEL_LENGTH));
export const badgeRibbonText = z.union([nameText.max(MAX_RIBBON_LENGTH, atMost(MAX_RIBBON_LENGTH)), z.literal(false)]);

export const badgeDesignSchema = z
  .object({
    shape: z
      .enum(BADGE_SHAPES)
      .default('circle')
      .describe('the outline of the badge: circle, shield, hexagon, rosette or square (circle if absent)'),
    primaryColor: hexColor
      .optional()
      .describe('the colour of the face of the badge, like #1f6feb (chosen from the achievement if absent)'),
    secondaryColor: hexColor
      .optional()
      .describe('the colour of the rim and ribbons, like #d4a72c (chosen with the primary colour if absent)'),
    textColor: hexColor
      .optional()
      .describe('the colour of the label and emblem, like #ffffff (white or near-black, whichever reads best, if absent)'),
    emblem: emblemName
      .optional()
      .describe('an icon from https://lucide.dev/icons by name, like graduation-cap or code (chosen from the achievement if absent)'),
    label: badgeLabelText.optional().describe('short text on the badge, best under 40 characters (the achievement name if absent)'),
    ribbon: badgeRibbonText
      .optional()
      .describe('a level or stage on a ribbon across the badge, like "Level 2" or "Advanced"; false for none (the programme part, like "Block 2 of 4", if absent)'),
  })
  .strict()
  .superRefine((design, ctx) => {
    if (!design.primaryColor || !design.textColor) return;
    const ratio = labelContrast(design.textColor, design.primaryColor);
    if (ratio >= MIN_LABEL_CONTRAST) return;
    ctx.addIssue({
      code: 'custom',
      path: ['textColor'],
      input: design.textColor,
      message:
        `textColor ${design.textColor} on primaryColor ${design.primaryColor} has a contrast of ` +
        `${ratio.toFixed(1)}:1, too faint to read; the label needs at least ${MIN_LABEL_CONTRAST}:1 ` +
        '(WCAG 2.2 SC 1.4.3). Leave textColor out to have a readable one chosen.',
    });
  })
  .describe('how the badge image looks');

export type BadgeDesign = z.infer<typeof badgeDesignSchema>;

export interface ResolvedBadgeDesign {
  readonly shape: BadgeShape;
  /** Lower-case `#rrggbb`. */
  readonly primaryColor: string;
  readonly secondaryColor: string;
  readonly textColor: string;
  /** A Lucide icon name. */
  readonly emblem: string;
  readonly label: string;
  /** Set around the top of the badge, as on a seal; none if absent. */
  readonly issuerName?: string | undefined;
  /** The text of the ribbon across the lower face; no ribbon if absent. */
  readonly ribbon?: string | undefined;
}

// --- defaults ----------------------------------------------------------------------------------

/** Deep faces with a metal or bright rim; white text on each face reaches at least 4.5:1. */
export const PALETTES: ReadonlyArray<readonly [primary: string, secondary: string]> = [
  ['#1e3a5f', '#d4a72c'], // navy and gold
  ['#0f5f48', '#e3b94f'], // emerald and gold
  ['#4c2a85', '#c9b8f0'], // violet and lavender
  ['#8f1d2e', '#f0c05a'], // crimson and gold
  ['#0d5c66', '#f4a259'], // teal and apricot
  ['#334155', '#5fc4f0'], // slate and sky
  ['#3730a3', '#f5b83d'], // indigo and amber
  ['#2f5233', '#c6a15b'], // forest and bronze
  ['#6b2150', '#e8b4a0'], // plum and rose gold
  ['#1d4e89', '#7dd3c0'], // ocean and mint
  ['#8a3210', '#f7d78a'], // rust and sand
  ['#1f2937', '#cfd6de'], // graphite and silver
];

/** Emblems that suit any achievement, for one whose design names none. */
export const DEFAULT_EMBLEMS: readonly string[] = [
  'award', 'medal', 'trophy', 'star', 'graduation-cap', 'book-open', 'lightbulb', 'rocket',
  'shield-check', 'target', 'compass', 'sparkles', 'gem', 'crown', 'mountain', 'puzzle',
];

/** A rim for a face whose colour was chosen alone: a pale tone of a dark face, a deep one of a light face. */
function rimFor(primary: string): string {
  return readableText(primary) === LIGHT_TEXT ? mix(primary, '#ffffff', 0.55) : mix(primary, '#000000', 0.4);
}

/** FNV-1a, 32-bit: a stable spread of slugs over palettes and emblems (not for security). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/**
 * Fills in every field the design leaves out, from the achievement's slug and name; the ribbon
 * from its place in a programme, and the ring from the issuer's name when one is given.
 */
export function resolveBadgeDesign(
  design: BadgeDesign | undefined,
  achievement: { readonly slug: string; readonly name: string; readonly programme?: { readonly part?: string | undefined } | undefined },
  issuerName?: string,
): ResolvedBadgeDesign {
  const hash = fnv1a(achievement.slug);
  const [primary, secondary] = PALETTES[hash % PALETTES.length]!;
  const primaryColor = (design?.primaryColor ?? primary).toLowerCase();
  const textColor = (design?.textColor ?? readableText(primaryColor)).toLowerCase();
  return {
    shape: design?.shape ?? 'circle',
    primaryColor,
    secondaryColor: (design?.secondaryColor ?? (design?.primaryColor ? rimFor(primaryColor) : secondary)).toLowerCase(),
    textColor,
    emblem: design?.emblem ?? DEFAULT_EMBLEMS[(hash >>> 8) % DEFAULT_EMBLEMS.length]!,
    label: design?.label ?? achievement.name.trim(),
    issuerName: issuerName?.trim() || undefined,
    ribbon: design?.ribbon === false ? undefined : design?.ribbon ?? (achievement.programme?.part?.trim() || undefined),
  };
}
