/**
 * The printable certificate: one A4 landscape page with real, selectable text (Inter, and Noto
 * Sans for the scripts it lacks, embedded as subsets, with ToUnicode maps, so copy, search and
 * screen readers work; Arabic and Hebrew are drawn as shaped outlines under their invisible
 * text), the badge, a QR code and a link back to the credential. The same input gives the same bytes: dates come from the award,
 * producer and creator are fixed, and the file identifier is a hash of the credential URL.
 * No I/O: the learner's browser makes it from the hosted credential, with the fonts it is given
 * (src/site/components/downloads/).
 */
import fontkit from '@pdf-lib/fontkit';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  concatTransformationMatrix,
  PageSizes,
  PDFDocument,
  PDFHexString,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setCharacterSpacing,
  setTextRenderingMode,
  TextRenderingMode,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { mix } from '../content/colour.ts';
import type { CertificateWords } from './certificate-words.ts';
import { formatDate } from './dates.ts';
import type { FittedText, FontFace, Fonts, Weight } from './fonts.ts';
import { qrModules } from './qr-code.ts';
import { SHAPED_FAMILIES, type ScriptFamily } from './script-fonts.ts';

const isShaped = (face: FontFace) => SHAPED_FAMILIES.has(face.family as ScriptFamily);

/**
 * The OpenType features fontkit applies to Arabic and Hebrew, all off. A ToUnicode map gives each
 * glyph one text (ISO 32000-1 §9.10.3), and shaping shares glyphs between letters (Noto Sans
 * Arabic draws ب, ت and medial ي on one dotless body, their dots apart), so shaped text would
 * copy as other letters. Unshaped, each letter is its nominal glyph and copies as itself.
 */
const UNSHAPED: Readonly<Record<string, boolean>> = Object.fromEntries(
  ['ccmp', 'locl', 'isol', 'fina', 'fin2', 'fin3', 'medi', 'med2', 'init', 'rlig', 'calt', 'liga', 'clig', 'dlig', 'rclt', 'mset', 'curs', 'kern', 'mark', 'mkmk'].map((feature) => [feature, false]),
);

export interface CertificateInput {
  readonly learnerName: string;
  readonly achievementName: string;
  readonly achievementDescription: string;
  readonly issuerName: string;
  /** `YYYY-MM-DD`; also the document's creation and modification date. */
  readonly awardedOn: string;
  /** `YYYY-MM-DD`, for an award that expires. */
  readonly validUntil?: string;
  readonly credentialUrl: string;
  readonly skills: readonly string[];
  /** The badge image, at least 600×600. */
  readonly badgePng: Uint8Array;
  /** From `qrCodeSvg`; redrawn as vectors. */
  readonly qrSvg?: string;
  /** Tints the side panel and headings; the badge's primary colour suits. Navy if absent. */
  readonly accentColor?: string;
  /** The site's language tag (issuer.yaml `language`): its dates, its capitals and the document's language. English if absent. */
  readonly language?: string;
  /** The certificate's own words, in that language (./certificate-words.ts). */
  readonly words: CertificateWords;
}


/** Fixed, so two builds give the same bytes. */
export const PDF_PRODUCER = 'Laurel';

const [PAGE_HEIGHT, PAGE_WIDTH] = PageSizes.A4; // landscape: A4's sides swapped
const PANEL = 268;
const LEFT = PANEL + 48;
const RIGHT = PAGE_WIDTH - 56;
const TEXT_WIDTH = RIGHT - LEFT;
const TOP = 64;
const FOOTER_TOP = PAGE_HEIGHT - 136;

const color = (hex: string): RGB => {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};
const INK = color('#111827');
const MUTED = color('#4b5563');

/** Sets text in the embedded faces, switching face where a script needs another subset. */
class Typesetter {
  readonly #inter: Fonts;
  readonly #fonts: Map<FontFace, PDFFont>;
  readonly #page: PDFPage;
  readonly #widths = new Map<string, number>();

  constructor(inter: Fonts, fonts: Map<FontFace, PDFFont>, page: PDFPage) {
    this.#inter = inter;
    this.#fonts = fonts;
    this.#page = page;
  }

  /** pdf-lib lays out text without kerning, so lines are measured by it rather than by `measureText`. */
  width(text: string, weight: Weight, size: number, spacing = 0): number {
    const key = `${weight} ${text}`;
    let width = this.#widths.get(key);
    if (width === undefined) {
      width = 0;
      for (const run of this.#inter.splitRuns(text, weight)) width += this.#runWidth(run.face, run.text, 1);
      this.#widths.set(key, width);
    }
    return width * size + spacing * [...text].length;
  }

  fit(text: string, weight: Weight, maxLines: number, sizes: readonly number[], maxWidth = TEXT_WIDTH): FittedText {
    return this.#inter.fitText(text, { weight, maxWidth, maxLines, sizes, measure: (line, size) => this.width(line, weight, size) });
  }

  /** Draws one line with its top at `top` (from the page's top edge); returns its width. */
  line(text: string, x: number, top: number, style: { weight: Weight; size: number; color: RGB; spacing?: number }): number {
    const baseline = PAGE_HEIGHT - top - style.size * 0.93;
    let cursor = x;
    if (style.spacing) this.#page.pushOperators(pushGraphicsState(), setCharacterSpacing(style.spacing));
    for (const run of this.#inter.splitRuns(text, style.weight)) {
      const font = this.#font(run.face);
      if (isShaped(run.face)) {
        this.#outlines(run.face, run.text, cursor, baseline, style.size, style.color);
        // The text itself, invisible (ISO 32000-1 §9.3.6, rendering mode 3) over its outlines, so it is still copied, searched and read aloud.
        this.#page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
        this.#page.drawText(run.text, { x: cursor, y: baseline, size: style.size, font });
        this.#page.pushOperators(popGraphicsState());
        cursor += this.#runWidth(run.face, run.text, style.size);
      } else {
        this.#page.drawText(run.text, { x: cursor, y: baseline, size: style.size, font, color: style.color });
        cursor += font.widthOfTextAtSize(run.text, style.size) + (style.spacing ?? 0) * [...run.text].length;
      }
    }
    if (style.spacing) this.#page.pushOperators(popGraphicsState());
    return cursor - x;
  }

  /** Draws fitted lines from `top`; returns the top of what follows. */
  block(fitted: FittedText, top: number, style: { weight: Weight; color: RGB; lineHeight: number }): number {
    const step = fitted.size * style.lineHeight;
    fitted.lines.forEach((text, i) => this.line(text, LEFT, top + i * step, { ...style, size: fitted.size }));
    return top + fitted.lines.length * step;
  }

  /** pdf-lib's width, from the advances alone, except for a shaped script: fontkit's, from its shaping, as its outlines are drawn. */
  #runWidth(face: FontFace, text: string, size: number): number {
    return isShaped(face) ? (face.font.layout(text).advanceWidth / face.font.unitsPerEm) * size : this.#font(face).widthOfTextAtSize(text, size);
  }

  /**
   * Draws `text` as the glyph outlines fontkit's `layout()` shapes it into (joined forms, marks in
   * place, right to left), from `x` on the baseline. drawSvgPath reads SVG's downward y and glyph
   * outlines go up, so each glyph is drawn in a mirror about the baseline (and its offset up, mirrored, goes down).
   */
  #outlines(face: FontFace, text: string, x: number, baseline: number, size: number, color: RGB): void {
    const scale = size / face.font.unitsPerEm;
    const { glyphs, positions } = face.font.layout(text);
    let pen = x;
    this.#page.pushOperators(pushGraphicsState(), concatTransformationMatrix(1, 0, 0, -1, 0, 2 * baseline));
    glyphs.forEach((glyph, i) => {
      const position = positions[i]!;
      const path = glyph.path.toSVG();
      if (path) this.#page.drawSvgPath(path, { x: pen + position.xOffset * scale, y: baseline - position.yOffset * scale, scale, color, borderWidth: 0 });
      pen += position.xAdvance * scale;
    });
    this.#page.pushOperators(popGraphicsState());
  }

  #font(face: FontFace): PDFFont {
    const font = this.#fonts.get(face);
    if (!font) throw new Error(`font ${face.name} ${face.weight} was not embedded`);
    return font;
  }
}

/**
 * ISO 32000-1 §9.6.4: a subset font's name is a tag of six capitals, "+", the PostScript name.
 * pdf-lib would append a number instead; the tag here is derived from the face, so it is stable.
 */
function subsetName(face: FontFace): string {
  // Inter's faces keep the tags they always had; another family's slice names its family too (Japanese and Chinese both number theirs).
  const digest = sha256(utf8ToBytes(face.family === 'inter' ? `${face.subset} ${face.weight}` : `${face.family} ${face.subset} ${face.weight}`));
  const tag = String.fromCharCode(...digest.subarray(0, 6).map((byte) => 65 + (byte % 26)));
  return `${tag}+${face.font.postscriptName}`;
}

/**
 * Embeds, as subsets, exactly the faces these texts need (`certificateTexts`, each with its
 * ellipsis), having read those faces first.
 */
async function embedFaces(doc: PDFDocument, inter: Fonts, texts: ReadonlyArray<readonly [string, Weight]>): Promise<Map<FontFace, PDFFont>> {
  await inter.loadFor(texts);
  const fonts = new Map<FontFace, PDFFont>();
  for (const [text, weight] of texts) {
    for (const { face } of inter.splitRuns(text, weight)) {
      if (fonts.has(face)) continue;
      // A shaped script's face only sets the invisible text over its outlines: unshaped, each character is its own glyph.
      const features = isShaped(face) ? UNSHAPED : undefined;
      fonts.set(face, await doc.embedFont(face.data, { subset: true, customName: subsetName(face), ...(features ? { features } : {}) }));
    }
  }
  return fonts;
}

/** A link annotation over a rectangle given from the page's top-left (ISO 32000-1 §12.5.6.5). */
function link(doc: PDFDocument, page: PDFPage, url: string, x: number, top: number, width: number, height: number): void {
  const annotation = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [x, PAGE_HEIGHT - top - height, x + width, PAGE_HEIGHT - top],
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
  });
  page.node.addAnnot(doc.context.register(annotation));
}

function drawQr(page: PDFPage, svg: string, x: number, top: number, size: number): void {
  const qr = qrModules(svg);
  if (!qr) throw new Error('renderCertificatePdf: qrSvg is not an SVG from qrCodeSvg');
  const quiet = 12; // ISO/IEC 18004 asks four modules of white around; 12pt is about that at this size
  page.drawRectangle({ x: x - quiet, y: PAGE_HEIGHT - top - size - quiet, width: size + 2 * quiet, height: size + 2 * quiet, color: rgb(1, 1, 1) });
  page.drawSvgPath(qr.path, { x, y: PAGE_HEIGHT - top, scale: size / qr.size, borderColor: rgb(0, 0, 0), borderWidth: 1 });
}

/**
 * What the certificate writes, and each text with the weight it is set in: the faces embedded are
 * those these need, and the build publishes the font files they can need (src/site/font-files.ts).
 */
export function certificateTexts(input: Omit<CertificateInput, 'badgePng' | 'qrSvg' | 'accentColor'>) {
  const language = input.language ?? 'en';
  const { words } = input;
  // The labels are set in spaced capitals; French capitals keep their accents (« DÉCERNÉE LE »).
  const label = (text: string) => text.toLocaleUpperCase(language);
  const labels = { heading: label(words.certificateOfAchievement), awarded: label(words.awarded), validUntil: label(words.validUntil), skills: label(words.skills), verifyAt: label(words.verifyAt) };
  const awarded = formatDate(input.awardedOn, language);
  const validUntil = input.validUntil === undefined ? undefined : formatDate(input.validUntil, language);
  const skills = input.skills.join('  ·  ');
  // Each with an ellipsis, which a text cut to fit ends with.
  const texts = ([
    [input.issuerName, 600],
    [`${labels.heading} ${labels.awarded} ${labels.validUntil} ${labels.skills} ${labels.verifyAt}`, 600],
    [input.learnerName, 700],
    [input.achievementName, 600],
    [`${words.hasEarned} ${words.scanToVerify} ${awarded} ${validUntil ?? ''} ${input.achievementDescription} ${skills}`, 400],
    [`${awarded} ${validUntil ?? ''}`, 600],
    [input.credentialUrl, 400],
  ] as const).map(([text, weight]): readonly [string, Weight] => [`${text}…`, weight]);
  return { awarded, validUntil, skills, labels, texts };
}

/** The certificate, set in `fonts` (Inter: the same files give the same bytes, in Node or a browser). */
export async function renderCertificatePdf(input: CertificateInput, fonts: Fonts): Promise<Uint8Array> {
  const accentHex = input.accentColor ?? '#1e3a5f';
  const accent = color(accentHex);
  const language = input.language ?? 'en';
  const { words } = input;
  const { awarded, validUntil, skills, labels, texts } = certificateTexts(input);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const date = new Date(`${input.awardedOn}T00:00:00Z`);
  doc.setTitle(`${input.achievementName}${words.colon}${input.learnerName}`, { showInWindowTitleBar: true });
  doc.setAuthor(input.issuerName);
  doc.setSubject(words.documentSubject.replace('{url}', () => input.credentialUrl));
  doc.setKeywords([...input.skills]);
  doc.setCreator(PDF_PRODUCER);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage(language);
  // ISO 32000-1 §14.4: the file identifier; derived, not random, so rebuilding changes nothing.
  const id = PDFHexString.of(bytesToHex(sha256(utf8ToBytes(input.credentialUrl))).slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);

  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const embedded = await embedFaces(doc, fonts, texts);
  const type = new Typesetter(fonts, embedded, page);

  // The side panel: badge, QR code.
  page.drawRectangle({ x: 0, y: 0, width: PANEL, height: PAGE_HEIGHT, color: color(mix(accentHex, '#ffffff', 0.88)) });
  page.drawRectangle({ x: PANEL - 4, y: 0, width: 4, height: PAGE_HEIGHT, color: accent });
  const badge = await doc.embedPng(input.badgePng);
  const badgeSize = 188;
  page.drawImage(badge, { x: (PANEL - badgeSize) / 2, y: PAGE_HEIGHT - TOP - badgeSize, width: badgeSize, height: badgeSize });
  link(doc, page, input.credentialUrl, (PANEL - badgeSize) / 2, TOP, badgeSize, badgeSize);
  if (input.qrSvg) {
    // Level with the footer, as the badge is level with the heading.
    const qrSize = 92;
    const qrTop = FOOTER_TOP;
    drawQr(page, input.qrSvg, (PANEL - qrSize) / 2, qrTop, qrSize);
    link(doc, page, input.credentialUrl, (PANEL - qrSize) / 2, qrTop, qrSize, qrSize);
    const caption = words.scanToVerify;
    const width = type.width(caption, 400, 9);
    type.line(caption, (PANEL - width) / 2, qrTop - 36, { weight: 400, size: 9, color: MUTED });
  }

  // The text column, top to bottom.
  let top = TOP;
  top = type.block(type.fit(input.issuerName, 600, 1, [13, 12, 11, 10, 9]), top, { weight: 600, color: MUTED, lineHeight: 1.3 }) + 30;
  type.line(labels.heading, LEFT, top, { weight: 600, size: 10, color: accent, spacing: 1.6 });
  top += 24;
  top = type.block(type.fit(input.learnerName, 700, 2, [36, 34, 32, 30, 28, 26, 24, 22]), top, { weight: 700, color: INK, lineHeight: 1.15 }) + 10;
  type.line(words.hasEarned, LEFT, top, { weight: 400, size: 12, color: MUTED });
  top += 22;
  top = type.block(type.fit(input.achievementName, 600, 2, [22, 21, 20, 19, 18, 17, 16, 15]), top, { weight: 600, color: INK, lineHeight: 1.25 }) + 14;
  page.drawRectangle({ x: LEFT, y: PAGE_HEIGHT - top - 3, width: 48, height: 3, color: accent });
  top += 17;
  top = type.block(type.fit(input.achievementDescription, 400, 4, [10.5, 10, 9.5]), top, { weight: 400, color: INK, lineHeight: 1.45 }) + 12;
  if (skills) {
    type.line(labels.skills, LEFT, top, { weight: 600, size: 8.5, color: accent, spacing: 1.2 });
    type.block(type.fit(skills, 400, 2, [10, 9.5, 9]), top + 15, { weight: 400, color: INK, lineHeight: 1.45 });
  }

  // The footer: dates, then where to verify.
  const fact = (label: string, value: string, x: number) => {
    type.line(label, x, FOOTER_TOP, { weight: 600, size: 8.5, color: accent, spacing: 1.2 });
    type.line(value, x, FOOTER_TOP + 15, { weight: 600, size: 11.5, color: INK });
  };
  fact(labels.awarded, awarded, LEFT);
  if (validUntil) fact(labels.validUntil, validUntil, LEFT + 170);
  type.line(labels.verifyAt, LEFT, FOOTER_TOP + 50, { weight: 600, size: 8.5, color: accent, spacing: 1.2 });
  const url = type.fit(input.credentialUrl, 400, 1, [10, 9, 8, 7]);
  const urlWidth = type.line(url.lines[0]!, LEFT, FOOTER_TOP + 65, { weight: 400, size: url.size, color: accent });
  link(doc, page, input.credentialUrl, LEFT, FOOTER_TOP + 63, urlWidth, url.size + 4);

  return doc.save({ useObjectStreams: false });
}
