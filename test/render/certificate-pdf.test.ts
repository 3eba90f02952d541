/**
 * The PDF certificate, read back with pdf-lib: one A4 landscape page, selectable text (decoded
 * through each font's ToUnicode map, as a PDF reader does when you copy), a link to the
 * credential, fixed metadata, and the same bytes on every render.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/core/locale/messages.ts';
import { renderCertificatePdf, type CertificateInput } from '../../src/render/certificate-pdf.ts';
import { certificateWords } from '../../src/render/certificate-words.ts';
import { renderBadgeSvg, renderPng } from '../../src/render/badge-image.ts';
import { packagedFonts } from '../../src/render/packaged-fonts.ts';
import { qrCodeSvg } from '../../src/render/qr-code.ts';
import { pdfText } from '../helpers/certificate-downloads.ts';
import { FIXED_DESIGN } from './golden.ts';

const credentialUrl = 'https://badges.example.org/credentials/7c1f3a52-9d1e-4b8f-a0c2-4e6f8d9b1a23/';
const badgePng = renderPng(
  await renderBadgeSvg(FIXED_DESIGN),
  600,
);

const input: CertificateInput = {
  learnerName: 'Zoë Łukasiewicz-Ørsted',
  achievementName: 'Accessible Front-End Development',
  achievementDescription: 'The holder builds web interfaces that meet WCAG 2.2 AA and audits existing pages.',
  issuerName: 'Northwind Institute of Technology',
  awardedOn: '2026-03-14',
  validUntil: '2029-03-14',
  credentialUrl,
  skills: ['Semantic HTML', 'WAI-ARIA', 'Screen reader testing'],
  badgePng,
  qrSvg: await qrCodeSvg(credentialUrl),
  accentColor: '#1e3a5f',
  words: certificateWords(messagesFor('en')),
};

const bytesOf = (stream: PDFRawStream) => decodePDFRawStream(stream).decode();
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** glyph id → text, from a ToUnicode CMap's bfchar and bfrange sections (ISO 32000-1 §9.10.3). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, gid, text] of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(Number.parseInt(gid!, 16), utf16(text!));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, start] of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      for (let gid = Number.parseInt(from!, 16), code = Number.parseInt(start!, 16); gid <= Number.parseInt(to!, 16); gid++, code++) {
        map.set(gid, String.fromCodePoint(code));
      }
    }
  }
  return map;
}

/** The text a reader would copy from page 1: every shown string, decoded through its font. */
async function pageText(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0);
  const fontDict = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const maps = new Map<string, Map<number, string>>();
  for (const [name, ref] of fontDict.entries()) {
    const font = doc.context.lookup(ref as PDFRef, PDFDict);
    const cmap = font.lookup(PDFName.of('ToUnicode'), PDFStream) as PDFRawStream;
    maps.set(name.asString(), toUnicode(latin1(bytesOf(cmap))));
  }
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref, PDFStream) as PDFRawStream) : [contents as PDFRawStream];
  const ops = streams.map((stream) => latin1(bytesOf(stream))).join('\n');
  let font = new Map<number, string>();
  let text = '';
  for (const [, name, hex] of ops.matchAll(/(\/\S+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj/g)) {
    if (name) font = maps.get(name)!;
    else for (let i = 0; i < hex!.length; i += 4) text += font.get(Number.parseInt(hex!.slice(i, i + 4), 16)) ?? '\uFFFD';
  }
  return text;
}

describe('renderCertificatePdf', () => {
  it('renders the same bytes twice', async () => {
    const [a, b] = [await renderCertificatePdf(input, packagedFonts), await renderCertificatePdf(input, packagedFonts)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('is one A4 landscape page with fixed metadata dated from the award', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(input, packagedFonts), { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(doc.getTitle()).toBe('Accessible Front-End Development: Zoë Łukasiewicz-Ørsted');
    expect(doc.getAuthor()).toBe('Northwind Institute of Technology');
    expect(doc.getProducer()).toBe('Laurel');
    expect(doc.getCreator()).toBe('Laurel');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-14T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-03-14T00:00:00.000Z');
  });

  it('has a file identifier derived from the credential URL', async () => {
    const id = async (url: string) => {
      const doc = await PDFDocument.load(await renderCertificatePdf({ ...input, credentialUrl: url }, packagedFonts));
      return (doc.context.trailerInfo.ID as PDFArray).lookup(0, PDFHexString).asString();
    };
    expect(await id(credentialUrl)).toMatch(/^[0-9a-f]{32}$/);
    expect(await id(credentialUrl)).not.toBe(await id(`${credentialUrl}other`));
  });

  it('has selectable text: names, dates, skills and the URL, accents included', async () => {
    const text = await pageText(await renderCertificatePdf(input, packagedFonts));
    for (const expected of [
      'Zoë Łukasiewicz-Ørsted',
      'Accessible Front-End Development',
      'Northwind Institute of Technology',
      'CERTIFICATE OF ACHIEVEMENT',
      '14 March 2026',
      '14 March 2029',
      'Screen reader testing',
      credentialUrl,
      'audits existing pages.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('sets Cyrillic, Greek and Vietnamese in the matching Inter subsets', async () => {
    const names = 'Дмитрий Менделеев Νίκος Nguyễn';
    const text = await pageText(await renderCertificatePdf({ ...input, learnerName: names, skills: [] }, packagedFonts));
    expect(text).toContain('Дмитрий Менделеев');
    expect(text).toContain('Νίκος');
    expect(text).toContain('Nguyễn');
  });

  it('copies an Arabic achievement as its own letters, though the font draws several on one body', async () => {
    // Noto Sans Arabic draws ت and medial ي on one dotless glyph: shaped text would copy « تطوتر ».
    const text = pdfText(await renderCertificatePdf({ ...input, achievementName: 'تطوير واجهات الويب' }, packagedFonts));
    expect(text).toContain('تطوير واجهات الويب');
  });

  it.each([
    ['Japanese', '山田 花子', /^[A-Z]{6}\+NotoSansJP-Bold$/],
    ['Arabic', 'ليلى حداد', /^[A-Z]{6}\+NotoSansArabic-Bold$/],
  ])('sets a %s name in Noto Sans, embedded as a subset, and keeps it extractable', async (_script, learnerName, font) => {
    const pdf = await renderCertificatePdf({ ...input, learnerName }, packagedFonts);
    // pdftotext gives the Arabic name in reading order, between its own direction marks: the
    // page holds its glyphs in visual order, right to left, as PDF text is shown, and a reader reorders them.
    expect(pdfText(pdf)).toContain(learnerName);
    const doc = await PDFDocument.load(pdf);
    const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const names = fonts.values().map((ref) => doc.context.lookup(ref as PDFRef, PDFDict).lookup(PDFName.of('BaseFont'), PDFName).decodeText());
    expect(names.filter((name) => font.test(name)).length).toBeGreaterThan(0);
  });

  it('embeds only subsets of Inter, named per ISO 32000-1 §9.6.4', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(input, packagedFonts));
    const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const names = fonts.values().map((ref) => doc.context.lookup(ref as PDFRef, PDFDict).lookup(PDFName.of('BaseFont'), PDFName).decodeText());
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+Inter-(Regular|SemiBold|Bold)$/);
  });

  it('links to the credential', async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(input, packagedFonts));
    const annots = doc.getPage(0).node.Annots()!;
    const uris = annots.asArray().map((ref) => {
      const action = doc.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict);
      return action.lookup(PDFName.of('URI'), PDFString).decodeText();
    });
    expect(uris.length).toBeGreaterThanOrEqual(2);
    expect(new Set(uris)).toEqual(new Set([credentialUrl]));
  });

  it('speaks the site’s language: French labels, dates and metadata, no English word left', async () => {
    const pdf = await renderCertificatePdf({ ...input, awardedOn: '2026-03-01', language: 'fr-CA', words: certificateWords(messagesFor('fr-CA')) }, packagedFonts);
    const text = pdfText(pdf);
    for (const expected of ['ATTESTATION DE RÉUSSITE', 'a obtenu', 'DÉCERNÉE LE', '1er mars 2026', 'VALABLE JUSQU’AU', '14 mars 2029', 'COMPÉTENCES', 'VÉRIFIER SUR', 'Scanner pour vérifier']) {
      expect(text).toContain(expected);
    }
    for (const english of ['CERTIFICATE', 'ACHIEVEMENT', 'has earned', 'AWARDED', 'VALID UNTIL', 'SKILLS', 'VERIFY AT', 'Scan to verify', 'March']) {
      expect(text).not.toContain(english);
    }
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getSubject()).toBe(`Attestation de réussite, ${credentialUrl}`);
    expect(doc.getTitle()).toBe('Accessible Front-End Development\u202F: Zoë Łukasiewicz-Ørsted');
  });

  it('renders without a QR code or expiry', async () => {
    const { qrSvg: _qr, validUntil: _valid, ...rest } = input;
    const text = await pageText(await renderCertificatePdf(rest, packagedFonts));
    expect(text).not.toContain('VALID UNTIL');
    expect(text).not.toContain('Scan to verify');
  });
});
