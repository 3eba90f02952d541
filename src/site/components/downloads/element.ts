/**
 * The certificate page's actions that only work with JavaScript, made in the browser rather than
 * sent with every page (at 100,000 awards each byte of a page is 100 kB of the site):
 *
 * - `<laurel-downloads badge="/achievements/<slug>" name="<slug>" accent="#…" sprite="/icons.svg" data-words="{…}">`
 *   makes, in its place, the PDF certificate, Print, and the PNG and SVG badges, in that order;
 *   `data-words` are the PDF's words in the page's language (the page is rendered in it, so the
 *   script carries no catalog);
 * - `<laurel-download format filename badge page accent>`: a button whose file the learner's
 *   browser makes (./download.ts, loaded on the first press, so none of that code weighs on the
 *   page); `page` is the certificate's public URL (the page's canonical link);
 * - `<laurel-print>`: opens the print dialog; the print stylesheet does the rest.
 *
 * Without JavaScript none of them is shown: the page offers the JSON, which holds the same signed
 * credential, and says that the files need JavaScript.
 */
type Download = typeof import('./download.ts');

import { button } from '../controls.ts';
import { pageMessages } from '../page-messages.ts';

let code: Promise<Download> | undefined;

function tagged(tag: string, attributes: Record<string, string | undefined>, ...children: Node[]): HTMLElement {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

class LaurelDownloads extends HTMLElement {
  connectedCallback(): void {
    if (this.childElementCount > 0) return;
    const badge = this.getAttribute('badge') ?? '';
    const name = this.getAttribute('name') ?? 'credential';
    const sprite = this.getAttribute('sprite') ?? '';
    const page = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    const t = pageMessages();
    this.append(
      tagged('laurel-download', { format: 'pdf', filename: `${name}-certificate.pdf`, badge: `${badge}.png`, page, accent: this.getAttribute('accent') ?? undefined, 'data-words': this.dataset['words'] }, button(sprite, 'file-text', t.certificatePdf, 'PDF')),
      tagged('laurel-print', {}, button(sprite, 'printer', t.print, t.printHint)),
      document.createElement('hr'),
      tagged('laurel-download', { format: 'png', filename: `${name}-badge.png`, badge: `${badge}.png` }, button(sprite, 'download', t.badgeImage, 'PNG')),
      tagged('laurel-download', { format: 'svg', filename: `${name}-badge.svg`, badge: `${badge}.svg` }, button(sprite, 'download', t.badgeImage, 'SVG')),
    );
  }
}

class LaurelDownload extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', () => {
      code ??= import('./download.ts');
      // A chunk that failed to load is tried again on the next press.
      code.then((loaded) => loaded.download(this)).catch(() => (code = undefined));
    });
  }
}

class LaurelPrint extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', () => window.print());
  }
}

// The children first, so that they are defined when <laurel-downloads> makes them.
if (!customElements.get('laurel-download')) customElements.define('laurel-download', LaurelDownload);
if (!customElements.get('laurel-print')) customElements.define('laurel-print', LaurelPrint);
if (!customElements.get('laurel-downloads')) customElements.define('laurel-downloads', LaurelDownloads);
