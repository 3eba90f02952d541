/**
 * The files the certificate page's download buttons make, in the learner's browser: the
 * achievement's badge with the hosted credential baked in (PNG or SVG, OB 3.0 §"Baking"), and the
 * PDF certificate. The same core code as in Node (bakePng, bakeSvg, renderCertificatePdf,
 * qrCodeSvg, Inter from the same files), so the same credential and badge give the same bytes.
 * Loaded with ./download.ts on a button's first press; the PDF's code (./certificate.ts) only
 * for a PDF.
 */
import { bakePng, bakeSvg } from '../../../core/baking.ts';
import type { CertificateWords } from '../../../render/certificate-words.ts';

export type DownloadFormat = 'png' | 'svg' | 'pdf';

export interface DownloadRequest {
  readonly format: DownloadFormat;
  /** The signed credential's JSON, on this site. */
  readonly credential: string;
  /** The achievement's badge on this site: the PNG for png and pdf, the SVG for svg. */
  readonly badge: string;
  /** pdf: the certificate page's public URL, which its QR code and links lead to. */
  readonly page: string;
  /** pdf: the accent colour (the badge's primary colour). */
  readonly accentColor?: string | undefined;
  /** pdf: the page's language tag (its `<html lang>`, the site's), for the certificate's words and dates; English if absent. */
  readonly language?: string | undefined;
  /** pdf: the certificate's words in that language, from the page (its `data-words`). */
  readonly words?: CertificateWords | undefined;
}

async function fetched(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered HTTP ${response.status}`);
  return response;
}

/** The bytes a download of `request` saves. */
export async function makeFile(request: DownloadRequest): Promise<Uint8Array | string> {
  // The credential exactly as hosted: its text is what is baked (UTF-8, as the build wrote it).
  const json = await (await fetched(request.credential)).text();
  if (request.format === 'svg') return bakeSvg(await (await fetched(request.badge)).text(), json);
  const badge = new Uint8Array(await (await fetched(request.badge)).arrayBuffer());
  if (request.format === 'png') return bakePng(badge, json);
  if (!request.words) throw new Error('this page gives no words for the certificate');
  const { certificatePdf } = await import('./certificate.ts');
  return certificatePdf(json, badge, request.page, request.accentColor, request.language, request.words);
}
