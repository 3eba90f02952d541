/**
 * What a press of a <laurel-download> button does (./element.ts): makes the file from the signed
 * credential the page links to (`<link rel="alternate" type="application/json">`) and the
 * achievement's badge (./make.ts), and saves it under the button's `filename`. The element's
 * attributes: `format` (png, svg or pdf), `filename`, `badge` (the badge's path on this site),
 * and for the PDF `page` (the certificate's public URL), `accent` and `data-words` (the
 * certificate's words in the page's language, as JSON).
 */
import type { CertificateWords } from '../../../render/certificate-words.ts';
import { makeFile, type DownloadFormat } from './make.ts';
import { pageMessages } from '../page-messages.ts';

const WHAT: Record<DownloadFormat, 'badge' | 'certificate'> = { png: 'badge', svg: 'badge', pdf: 'certificate' };
const TYPES: Record<DownloadFormat, string> = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' };

/** The element's live region, made on first use: the page carries none it does not need. */
function statusOf(element: HTMLElement): HTMLElement {
  let status = element.querySelector<HTMLElement>('[role="status"]');
  if (!status) {
    status = document.createElement('span');
    status.setAttribute('role', 'status');
    element.append(status);
  }
  return status;
}

export async function download(element: HTMLElement): Promise<void> {
  if (element.getAttribute('aria-busy') === 'true') return;
  const format = element.getAttribute('format') as DownloadFormat;
  const status = statusOf(element);
  element.setAttribute('aria-busy', 'true');
  const t = pageMessages();
  status.textContent = t.making(WHAT[format]);
  try {
    const link = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="application/json"]');
    if (!link) throw new Error('this page links to no credential');
    const file = await makeFile({
      format,
      // The credential on this site, wherever the page is served from (a local preview too).
      credential: new URL(new URL(link.href).pathname, location.href).href,
      badge: new URL(element.getAttribute('badge') ?? '', location.href).href,
      page: element.getAttribute('page') ?? location.href,
      accentColor: element.getAttribute('accent') ?? undefined,
      // The page is in the site's language: the certificate is too.
      language: document.documentElement.lang || 'en',
      ...(element.dataset['words'] === undefined ? {} : { words: JSON.parse(element.dataset['words']) as CertificateWords }),
    });
    const url = URL.createObjectURL(new Blob([typeof file === 'string' ? file : new Uint8Array(file)], { type: TYPES[format] }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = element.getAttribute('filename') ?? `credential.${format}`;
    anchor.click();
    // The download has started from the URL by then; a minute is ample.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = '';
  } catch (error) {
    status.textContent = t.couldNotMake(WHAT[format], error instanceof Error ? error.message : String(error));
  } finally {
    element.removeAttribute('aria-busy');
  }
}
