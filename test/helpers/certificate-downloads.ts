/**
 * The downloads of a certificate page, pressed in Chromium, and what each must be: the core's own
 * output in Node for the same inputs. The baked badges are the built site's badge files with its
 * hosted JSON baked in; the PDF is rendered from the content files, the way a build rendered it
 * when it published one PDF per award, so the browser's reading of the JSON is checked against
 * the records themselves. `pdftotext` (poppler-utils) reads the PDF back as a reader would.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { resolveBadgeDesign } from '../../src/content/badge-design.ts';
import type { SiteContent } from '../../src/content/validate.ts';
import { bakePng, bakeSvg } from '../../src/core/baking.ts';
import { siteUrls } from '../../src/issue/urls.ts';
import { messagesFor } from '../../src/core/locale/messages.ts';
import { renderCertificatePdf } from '../../src/render/certificate-pdf.ts';
import { certificateWords } from '../../src/render/certificate-words.ts';
import { packagedFonts } from '../../src/render/packaged-fonts.ts';
import { qrCodeSvg } from '../../src/render/qr-code.ts';

export type DownloadFormat = 'png' | 'svg' | 'pdf';

export interface Downloaded {
  /** The name the browser saves it under. */
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * Presses the page's download button for `format` and waits for the file the browser saves: up to
 * two minutes, since a PDF is a few seconds of work for a browser on a busy machine, more on a dev
 * server that compiles the code on first use.
 */
export async function pressDownload(page: Page, format: DownloadFormat): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click(`laurel-download[format="${format}"] button`)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

/** The award's achievement, from the content files. */
function achievementOf(content: SiteContent, id: string) {
  const award = content.awards.find((candidate) => candidate.id === id);
  if (!award) throw new Error(`no award ${id} in the content`);
  return { award, achievement: content.achievements.get(award.achievement)! };
}

/** The badge of award `id` with its hosted credential baked in, as bakePng and bakeSvg make it in Node. */
export async function expectedBakedBadge(dist: string, content: SiteContent, id: string, format: 'png' | 'svg'): Promise<Buffer> {
  const { achievement } = achievementOf(content, id);
  const json = await readFile(path.join(dist, 'credentials', `${id}.json`), 'utf8');
  const badge = path.join(dist, 'achievements', `${achievement.slug}.${format}`);
  return Buffer.from(format === 'png' ? bakePng(new Uint8Array(await readFile(badge)), json) : bakeSvg(await readFile(badge, 'utf8'), json));
}

/** The PDF certificate of award `id`, rendered in Node from its records, with the built badge. */
export async function expectedCertificatePdf(dist: string, content: SiteContent, id: string): Promise<Buffer> {
  const { award, achievement } = achievementOf(content, id);
  const { data } = achievement;
  const page = siteUrls(content.issuer.url).credentialPage(id);
  const pdf = await renderCertificatePdf(
    {
      learnerName: award.recipient.name,
      achievementName: data.name,
      achievementDescription: data.description,
      issuerName: content.issuer.name,
      awardedOn: award.awardedOn.slice(0, 10),
      ...(award.validUntil === undefined ? {} : { validUntil: award.validUntil.slice(0, 10) }),
      credentialUrl: page,
      skills: data.alignments.map((alignment) => alignment.targetName),
      badgePng: new Uint8Array(await readFile(path.join(dist, 'achievements', `${achievement.slug}.png`))),
      qrSvg: await qrCodeSvg(page),
      accentColor: resolveBadgeDesign(achievement.badge, { slug: achievement.slug, name: data.name }).primaryColor,
      language: content.issuer.language,
      words: certificateWords(messagesFor(content.issuer.language)),
    },
    packagedFonts,
  );
  return Buffer.from(pdf);
}

/** The text of a PDF as `pdftotext` extracts it, whitespace collapsed. */
export function pdfText(pdf: Uint8Array): string {
  try {
    return execFileSync('pdftotext', ['-q', '-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is missing: install poppler-utils (apt-get install poppler-utils) to run this test');
    throw error;
  }
}
