/**
 * The PDF certificate of the credential the page links to, made in the browser: the words from
 * the signed credential (./certificate-fields.ts), the achievement's badge, a QR code of the page
 * and Inter from the site itself, in the page's language and with the words the page gives. Its own chunk (pdf-lib and fontkit are most of its weight),
 * loaded by ./make.ts only for a PDF.
 */
import { renderCertificatePdf } from '../../../render/certificate-pdf.ts';
import type { CertificateWords } from '../../../render/certificate-words.ts';
import { qrCodeSvg } from '../../../render/qr-code.ts';
import { certificateFields } from './certificate-fields.ts';
import { siteFonts } from './font-files.ts';

export async function certificatePdf(json: string, badgePng: Uint8Array, page: string, accentColor: string | undefined, language: string | undefined, words: CertificateWords): Promise<Uint8Array> {
  return renderCertificatePdf(
    {
      ...certificateFields(JSON.parse(json)),
      credentialUrl: page,
      badgePng,
      qrSvg: await qrCodeSvg(page),
      ...(accentColor === undefined ? {} : { accentColor }),
      ...(language === undefined ? {} : { language }),
      words,
    },
    siteFonts,
  );
}
